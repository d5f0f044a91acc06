/**
 * A small client-side router on the History API. The server answers index.html for every
 * non-API path, so any URL can be opened directly; here it becomes a typed Route.
 * Same-origin link clicks anywhere in the document (including links Leaflet builds in popups)
 * are turned into history entries instead of page loads.
 */

export type Route =
  | { name: 'home' }
  | { name: 'place'; id: number }
  | { name: 'group'; id: number }
  | { name: 'event'; id: number }
  | { name: 'post'; id: number }
  | { name: 'feed' }
  | { name: 'games' }
  | { name: 'signin' }
  | { name: 'register' }
  | { name: 'account' }
  | { name: 'new-event' }
  | { name: 'new-post' }
  | { name: 'new-group' }
  | { name: 'edit-group'; id: number }
  | { name: 'edit-event'; id: number }
  | { name: 'new-place' }
  | { name: 'edit-place'; id: number }
  | { name: 'mine' }
  | { name: 'person'; id: number }
  | { name: 'notifications' }
  | { name: 'notification-settings' }
  | { name: 'unsubscribe' }
  | { name: 'moderation' }
  | { name: 'moderation-log' }
  | { name: 'reset-password' }
  | { name: 'confirm-registration' }
  | { name: 'not-found' };

type RouteName = Route['name'];

const ROUTES: Array<{ pattern: RegExp; name: RouteName }> = [
  { pattern: /^\/$/, name: 'home' },
  { pattern: /^\/places\/new$/, name: 'new-place' },
  { pattern: /^\/places\/(\d+)$/, name: 'place' },
  { pattern: /^\/places\/(\d+)\/edit$/, name: 'edit-place' },
  { pattern: /^\/groups\/new$/, name: 'new-group' },
  { pattern: /^\/groups\/(\d+)$/, name: 'group' },
  { pattern: /^\/groups\/(\d+)\/edit$/, name: 'edit-group' },
  { pattern: /^\/events\/new$/, name: 'new-event' },
  { pattern: /^\/events\/(\d+)$/, name: 'event' },
  { pattern: /^\/events\/(\d+)\/edit$/, name: 'edit-event' },
  { pattern: /^\/posts\/new$/, name: 'new-post' },
  { pattern: /^\/posts\/(\d+)$/, name: 'post' },
  { pattern: /^\/feed$/, name: 'feed' },
  { pattern: /^\/games$/, name: 'games' },
  { pattern: /^\/signin$/, name: 'signin' },
  { pattern: /^\/register$/, name: 'register' },
  { pattern: /^\/me$/, name: 'account' },
  { pattern: /^\/me\/meetups$/, name: 'mine' },
  { pattern: /^\/people\/(\d+)$/, name: 'person' },
  { pattern: /^\/notifications$/, name: 'notifications' },
  { pattern: /^\/me\/notifications$/, name: 'notification-settings' },
  { pattern: /^\/unsubscribe$/, name: 'unsubscribe' },
  { pattern: /^\/moderation$/, name: 'moderation' },
  { pattern: /^\/moderation\/log$/, name: 'moderation-log' },
  { pattern: /^\/reset-password$/, name: 'reset-password' },
  { pattern: /^\/confirm-registration$/, name: 'confirm-registration' },
];

/** Maps a path to its route; a trailing slash is tolerated like the server does. */
export function matchRoute(path: string): Route {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const { pattern, name } of ROUTES) {
    const match = pattern.exec(normalised);
    if (!match) continue;
    const raw = match[1];
    if (raw === undefined) return { name } as Route;
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id < 1) return { name: 'not-found' };
    return { name, id } as Route;
  }
  return { name: 'not-found' };
}

/** Whether a click on this link should be handled in the page rather than by the browser. */
export function shouldIntercept(
  event: MouseEvent,
  anchor: HTMLAnchorElement,
  origin: string,
  currentPath: string,
): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download') || anchor.getAttribute('rel')?.split(/\s+/).includes('external')) return false;
  const href = anchor.getAttribute('href');
  if (href === null || href === '') return false;
  const url = new URL(anchor.href);
  if (url.origin !== origin) return false;
  // The API and its documentation are real server pages, not app routes.
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return false;
  // In-page anchors (the skip link) keep their native scrolling and focus behaviour.
  if (url.pathname === currentPath && url.hash !== '') return false;
  return true;
}

class Router {
  path = $state(window.location.pathname);
  search = $state(window.location.search);
  route: Route = $derived(matchRoute(this.path));
  /** The current query string, parsed; reading it makes an effect follow query changes. */
  query: URLSearchParams = $derived(new URLSearchParams(this.search));

  /** Follows an in-app link: a new history entry, the top of the page, focus on the content. */
  navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
    const url = new URL(to, window.location.href);
    // Following a link to the page already shown must not add a second, identical entry.
    if (replace || url.href === window.location.href) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    this.sync();
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }

  /** Rewrites the query string of the current entry (e.g. the map's view) without navigating. */
  replaceQuery(params: Record<string, string>): void {
    const url = new URL(window.location.href);
    url.search = new URLSearchParams(params).toString();
    window.history.replaceState(window.history.state, '', url);
    this.search = url.search;
  }

  /** Starts listening to back/forward and link clicks; returns the function that stops it. */
  start(): () => void {
    const onPopState = () => this.sync();
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      if (!shouldIntercept(event, anchor, window.location.origin, window.location.pathname)) return;
      event.preventDefault();
      this.navigate(anchor.href);
    };
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
    };
  }

  private sync(): void {
    this.path = window.location.pathname;
    this.search = window.location.search;
  }
}

export const router = new Router();
