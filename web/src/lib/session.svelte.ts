/**
 * Who is signed in. The token itself is kept by the API client; this holds the person it belongs
 * to, so the header and pages can show their name and the actions only they may take.
 */
import { ApiError, onTokenRejected, storedToken, storeToken } from './api/http';
import { getMe, signOutHere, type Me, type SignedIn } from './api/accounts';

class Session {
  user = $state<Me | null>(null);
  /** True while a token from an earlier visit is being checked with the server. */
  checking = $state(storedToken() !== null);
  /** Why the session ended on its own (an expired token), to say so once. */
  endedBecause = $state<string | null>(null);

  /** Checks the stored token, if any; a token the server refuses is dropped. */
  async restore(): Promise<void> {
    onTokenRejected(() => {
      if (this.user) this.endedBecause = 'Your session has ended. Sign in again to carry on.';
      this.user = null;
    });
    if (!storedToken()) return;
    this.checking = true;
    try {
      this.user = await getMe();
    } catch (error) {
      // The server said no: the token is useless. Unreachable: keep it for the next visit.
      if (error instanceof ApiError && error.status === 401) storeToken(null);
    } finally {
      this.checking = false;
    }
  }

  signedIn({ token, user }: SignedIn): void {
    storeToken(token);
    this.user = user;
    this.endedBecause = null;
  }

  /** The profile changed (name, home location): keep the header and pages in step. */
  update(user: Me): void {
    this.user = user;
  }

  /** Ends the session on the server too (so a copied token stops working), then here. */
  signOut(): void {
    if (storedToken()) void signOutHere().catch(() => {});
    this.forget();
  }

  /** Forgets the sign-in here only (the server already ended it: signed out everywhere, deleted). */
  forget(): void {
    storeToken(null);
    this.user = null;
  }
}

export const session = new Session();

/** Only same-site paths are followed after signing in, so a crafted link cannot send people away. */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === '/signin' || raw.startsWith('/signin?') || raw === '/register' || raw.startsWith('/register?'))
    return '/';
  return raw;
}

/** Where the sign-in page sends people back to once they are in. */
export function signInPath(next: string): string {
  return `/signin?${new URLSearchParams({ next }).toString()}`;
}

export function registerPath(next: string): string {
  return `/register?${new URLSearchParams({ next }).toString()}`;
}
