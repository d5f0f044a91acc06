/**
 * Starts the embedded database on a thread of its own and talks to it by messages.
 *
 * PGlite runs each statement to the end without yielding. On the server's thread that held up
 * everything else for as long as the database worked: HTTP parsing, responses, and new
 * connections, which Node accepts one per turn of its event loop (so a burst of 100 newcomers
 * waited behind up to 100 turns of queries). On its own thread the database works while the
 * server's thread parses, answers and accepts, and the page statements waiting meanwhile are
 * answered together (see items/radius-batcher.ts).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import {
  errorFromFields,
  type EmbeddedAsk,
  type EmbeddedNotification,
  type EmbeddedOpening,
  type EmbeddedReply,
  type EmbeddedRequest,
  type EmbeddedStarted,
} from './embedded-protocol.js';

const WORKER = new URL('./embedded-worker.ts', import.meta.url);

/**
 * A new thread of the database. The server runs from its TypeScript sources (tsx, Vitest), and
 * the thread loads its module through tsx's `tsImport` too: Node 20 hands neither `--import tsx`
 * nor the server's module loader on to threads. tsx's CommonJS build of that API fails to load
 * its ES module half, so the thread imports the ES module build, which sits beside it
 * (`tsx/esm/api` in tsx's exports).
 */
function newWorker(options: WorkerOptions): Worker {
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const [api, module] = [pathToFileURL(tsxApi).href, WORKER.href].map((url) => JSON.stringify(url));
  return new Worker(`import(${api}).then((tsx) => tsx.tsImport(${module}, ${module}))`, { ...options, eval: true });
}

export class EmbeddedThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (reply: EmbeddedReply) => void; reject: (error: Error) => void }>();
  #nextId = 1;
  readonly #listeners = new Set<(channel: string, payload: string) => void>();
  /** Set once the thread has ended: every later request fails with it. */
  #ended: Error | null = null;
  readonly #endListeners = new Set<(error: Error) => void>();

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: EmbeddedReply | EmbeddedNotification) => {
      if ('notification' in reply) {
        for (const listener of this.#listeners) listener(reply.notification.channel, reply.notification.payload);
        return;
      }
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#forget(reply.id);
      if (!('error' in reply)) return waiting.resolve(reply);
      const error = errorFromFields(reply.error);
      waiting.reject(error);
      // After a PANIC (e.g. no room for the next WAL file) PGlite's PostgreSQL is gone: the next
      // statement would never return. The thread is ended, and with it every later request.
      if (reply.error.severity === 'PANIC') {
        this.#end(error);
        void this.#worker.terminate();
      }
    });
    worker.on('error', (error) => this.#end(error));
    worker.on('exit', (code) => this.#end(new Error(`The embedded database stopped (thread exit code ${code}).`)));
    // An idle database does not keep the process alive, as PGlite on the server's thread did not.
    worker.unref();
  }

  /** Opens the database on a new thread; rejects with PGlite's error if it cannot. */
  static async start(opening: EmbeddedOpening): Promise<EmbeddedThread> {
    const worker = newWorker({
      workerData: opening,
      transferList: 'snapshot' in opening && opening.snapshot ? [opening.snapshot] : [],
    });
    const started = await new Promise<EmbeddedStarted>((resolve, reject) => {
      const exited = (code: number) => reject(new Error(`The embedded database's thread exited with code ${code}.`));
      worker.once('error', reject).once('exit', exited);
      worker.once('message', (message: EmbeddedStarted) => {
        worker.off('error', reject).off('exit', exited);
        resolve(message);
      });
    });
    if ('failed' in started) {
      await worker.terminate();
      throw errorFromFields(started.failed);
    }
    return new EmbeddedThread(worker);
  }

  request(ask: EmbeddedAsk): Promise<EmbeddedReply> {
    if (this.#ended) return Promise.reject(this.#ended);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...ask, id } satisfies EmbeddedRequest);
    });
  }

  /** Calls `listener` for every NOTIFY on the channels asked for with a `listen` request. */
  onNotification(listener: (channel: string, payload: string) => void): void {
    this.#listeners.add(listener);
  }

  /** Calls `listener` once, with the reason, when the thread ends. */
  onEnded(listener: (error: Error) => void): void {
    if (this.#ended) listener(this.#ended);
    else this.#endListeners.add(listener);
  }

  /** Closes the database (PGlite writes what it holds) and ends the thread; later requests fail. */
  async close(): Promise<void> {
    if (this.#ended) return;
    await this.request({ op: 'close' });
    this.#end(new Error('The embedded database is closed.'));
  }

  /** Ends the thread at once, without asking PGlite to write anything first. */
  terminate(): void {
    this.#end(new Error('The embedded database was stopped.'));
    void this.#worker.terminate();
  }

  #forget(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  #end(error: Error): void {
    const first = this.#ended === null;
    this.#ended ??= error;
    for (const [id, waiting] of this.#pending) {
      this.#forget(id);
      waiting.reject(this.#ended);
    }
    if (first) for (const listener of this.#endListeners) listener(this.#ended);
    this.#endListeners.clear();
  }
}
