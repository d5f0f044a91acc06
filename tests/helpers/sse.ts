/**
 * A Server-Sent Events client for tests, over plain node:http: it keeps every event and comment
 * line, and lets a test wait for the next event that matches, with a deadline.
 */
import http from 'node:http';

export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
  /** When it arrived (Date.now()). */
  at: number;
}

export class SseError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`stream answered ${status}: ${body}`);
  }
}

export class SseStream {
  readonly events: SseEvent[] = [];
  comments = 0;
  ended = false;
  #read = 0;
  #buffer = '';
  #waiters = new Set<() => void>();

  private constructor(private readonly request: http.ClientRequest) {}

  /** Opens the stream; rejects with SseError when it answers anything but 200. */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } });
      const stream = new SseStream(request);
      request.once('error', reject);
      request.once('response', (response) => {
        if (response.statusCode !== 200) {
          let body = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          response.once('end', () => reject(new SseError(response.statusCode ?? 0, body)));
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => stream.#receive(chunk));
        response.once('close', () => {
          stream.ended = true;
          stream.#wake();
        });
        resolve(stream);
      });
    });
  }

  #receive(chunk: string): void {
    this.#buffer += chunk;
    let end: number;
    while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      let onlyComments = true;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        onlyComments = false;
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        fields[name] = fields[name] === undefined ? value : `${fields[name]}\n${value}`;
      }
      if (onlyComments) this.comments += 1;
      else if (fields.data !== undefined || fields.event !== undefined) {
        this.events.push({
          id: fields.id ?? null,
          event: fields.event ?? 'message',
          data: fields.data ?? '',
          at: Date.now(),
        });
      }
    }
    this.#wake();
  }

  #wake(): void {
    for (const waiter of this.#waiters) waiter();
  }

  /** Waits until `check` holds (re-checked whenever something arrives). */
  until(check: () => boolean, ms = 5000, what = 'the stream'): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(done);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.events)}`));
      }, ms);
      this.#waiters.add(done);
      done();
    });
  }

  /** The next event not yet taken that matches, waiting for it if need be. */
  async next(event: string, ms = 5000): Promise<SseEvent> {
    let found: SseEvent | undefined;
    await this.until(
      () => {
        const index = this.events.findIndex((candidate, i) => i >= this.#read && candidate.event === event);
        if (index < 0) return false;
        found = this.events[index];
        this.#read = index + 1;
        return true;
      },
      ms,
      `a "${event}" event`,
    );
    return found!;
  }

  /** Events after the last one taken, without waiting. */
  rest(): SseEvent[] {
    const rest = this.events.slice(this.#read);
    this.#read = this.events.length;
    return rest;
  }

  close(): void {
    this.request.destroy();
  }
}
