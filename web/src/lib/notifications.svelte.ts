/**
 * The signed-in person's notifications as the whole app sees them: the unread count the bell
 * shows, and a counter that pages showing notifications follow to reload. Both come from the live
 * stream, kept open while someone is signed in: the browser reconnects it by itself and resumes
 * where it stopped; when the server refuses it (its ticket ran out, the stream reached its age)
 * a new one is opened with a new ticket, from the last event seen.
 */
import { openNotificationStream, type NotificationItem } from './api/notifications';

const RETRY_MS = { first: 1000, most: 30_000 };

class Inbox {
  /** Unread notifications; null until the stream has said. */
  unread = $state<number | null>(null);
  /** Grows with every notification that arrives live; pages reload when it changes. */
  arrivals = $state(0);
  latest = $state<NotificationItem | null>(null);

  #source: EventSource | null = null;
  #lastEventId: string | null = null;
  #running = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #pause = RETRY_MS.first;

  /** Keeps the stream open until stop(); harmless to call again. */
  start(): void {
    if (this.#running || typeof EventSource === 'undefined') return;
    this.#running = true;
    void this.#connect();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#retry);
    this.#source?.close();
    this.#source = null;
    this.#lastEventId = null;
    this.unread = null;
  }

  /** The count after marking read here, before the stream says so. */
  setUnread(unread: number): void {
    this.unread = unread;
  }

  async #connect(): Promise<void> {
    let source: EventSource;
    try {
      source = await openNotificationStream(this.#lastEventId);
    } catch {
      this.#again();
      return;
    }
    if (!this.#running) {
      source.close();
      return;
    }
    this.#source = source;
    source.addEventListener('open', () => (this.#pause = RETRY_MS.first));
    source.addEventListener('unread', (event) => {
      const message = event as MessageEvent<string>;
      if (message.lastEventId) this.#lastEventId = message.lastEventId;
      this.unread = (JSON.parse(message.data) as { unread: number }).unread;
    });
    source.addEventListener('notification', (event) => {
      const message = event as MessageEvent<string>;
      if (message.lastEventId) this.#lastEventId = message.lastEventId;
      this.latest = JSON.parse(message.data) as NotificationItem;
      this.arrivals += 1;
    });
    source.addEventListener('error', () => {
      // CONNECTING: the browser is already trying again. CLOSED: the server refused; start over.
      if (source.readyState !== EventSource.CLOSED || this.#source !== source) return;
      this.#source = null;
      this.#again();
    });
  }

  #again(): void {
    if (!this.#running) return;
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => void this.#connect(), this.#pause);
    this.#pause = Math.min(this.#pause * 2, RETRY_MS.most);
  }
}

export const inbox = new Inbox();
