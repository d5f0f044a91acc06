import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { matchRoute, router, shouldIntercept } from '../../web/src/lib/router.svelte';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'home' }],
    ['/places/12', { name: 'place', id: 12 }],
    ['/groups/3/', { name: 'group', id: 3 }],
    ['/events/7', { name: 'event', id: 7 }],
    ['/posts/9', { name: 'post', id: 9 }],
    ['/feed', { name: 'feed' }],
    ['/signin', { name: 'signin' }],
    ['/register', { name: 'register' }],
    ['/me', { name: 'account' }],
    ['/events/new', { name: 'new-event' }],
    ['/posts/new', { name: 'new-post' }],
    ['/places/new', { name: 'new-place' }],
    ['/places/4/edit', { name: 'edit-place', id: 4 }],
    ['/groups/new', { name: 'new-group' }],
    ['/groups/3/edit', { name: 'edit-group', id: 3 }],
    ['/events/7/edit', { name: 'edit-event', id: 7 }],
    ['/me/meetups', { name: 'mine' }],
    ['/people/5', { name: 'person', id: 5 }],
  ])('maps %s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it.each([
    '/events/new/1',
    '/groups/new/edit',
    '/people/new',
    '/places',
    '/places/abc',
    '/places/0',
    '/places/99999999999999999999',
    '/nowhere',
    '/feed/1',
  ])('answers not-found for %s', (path) => {
    expect(matchRoute(path)).toEqual({ name: 'not-found' });
  });
});

describe('shouldIntercept', () => {
  const origin = window.location.origin;

  function anchor(href: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
    const element = document.createElement('a');
    element.href = href;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  }

  const click = (init: MouseEventInit = {}) => new MouseEvent('click', { button: 0, ...init });

  it('takes plain same-origin links', () => {
    expect(shouldIntercept(click(), anchor('/places/1'), origin, '/')).toBe(true);
  });

  it('leaves modified clicks, new tabs, downloads and other origins to the browser', () => {
    expect(shouldIntercept(click({ ctrlKey: true }), anchor('/places/1'), origin, '/')).toBe(false);
    expect(shouldIntercept(click({ button: 1 }), anchor('/places/1'), origin, '/')).toBe(false);
    expect(shouldIntercept(click(), anchor('/places/1', { target: '_blank' }), origin, '/')).toBe(false);
    expect(shouldIntercept(click(), anchor('/export.ics', { download: '' }), origin, '/')).toBe(false);
    expect(shouldIntercept(click(), anchor('https://www.geonames.org/'), origin, '/')).toBe(false);
  });

  it('leaves API links and in-page anchors alone', () => {
    expect(shouldIntercept(click(), anchor('/api/docs'), origin, '/')).toBe(false);
    expect(shouldIntercept(click(), anchor('#main'), origin, '/')).toBe(false);
  });
});

describe('router', () => {
  // jsdom does not lay pages out, so it has no scrolling to do.
  beforeAll(() => {
    window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  });
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('follows navigation and keeps the route in step with the address', () => {
    router.navigate('/groups/4');
    expect(window.location.pathname).toBe('/groups/4');
    expect(router.route).toEqual({ name: 'group', id: 4 });
  });

  it('turns link clicks into navigation once started', () => {
    const stop = router.start();
    const link = document.createElement('a');
    link.href = '/feed';
    document.body.append(link);
    link.click();
    expect(router.route).toEqual({ name: 'feed' });
    stop();
    link.remove();
  });

  it('replaces the query string without adding history entries', () => {
    const before = window.history.length;
    router.replaceQuery({ lat: '1', lng: '2', z: '3' });
    expect(window.location.search).toBe('?lat=1&lng=2&z=3');
    expect(router.search).toBe('?lat=1&lng=2&z=3');
    expect(window.history.length).toBe(before);
  });
});
