/**
 * LISTEN/NOTIFY on both databases. A transaction announces a change with `pg_notify(channel,
 * payload)` (notifySql); PostgreSQL delivers it to every listening process once the transaction
 * commits, and never for one that rolls back. On a server each process listens on a connection of
 * its own; the embedded database forwards notifications from its thread.
 *
 * Delivery is a nudge, not a record: a process that was disconnected misses what was sent
 * meanwhile, so whoever listens also reads the tables it cares about when it (re)connects.
 */
import pg from 'pg';
import { sql, type RawBuilder } from 'kysely';

export type NotificationHandler = (payload: string) => void;

export interface DatabaseListener {
  /** Calls `handler` for every notification on `channel` until the returned function is called. */
  listen(channel: string, handler: NotificationHandler): Promise<() => void>;
  close(): Promise<void>;
}

/** Channel names are plain identifiers, so they need no quoting anywhere. */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: "${channel}"`);
}

/** `select pg_notify(channel, payload)`, to run inside the transaction that made the change. */
export function notifySql(channel: string, payload = ''): RawBuilder<unknown> {
  checkChannel(channel);
  return sql`select pg_notify(${channel}, ${payload})`;
}

/**
 * Handlers by channel; `subscribe` is told when a channel gets its first handler. When it fails
 * (the database is away) the channel stays wanted and `failed` is told, to listen again later.
 */
class Handlers {
  readonly #byChannel = new Map<string, Set<NotificationHandler>>();

  constructor(
    private readonly subscribe: (channel: string) => Promise<void>,
    private readonly failed: () => void = () => {},
  ) {}

  async add(channel: string, handler: NotificationHandler): Promise<() => void> {
    checkChannel(channel);
    let handlers = this.#byChannel.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#byChannel.set(channel, handlers);
      await this.subscribe(channel).catch(() => this.failed());
    }
    handlers.add(handler);
    return () => handlers.delete(handler);
  }

  channels(): string[] {
    return [...this.#byChannel.keys()];
  }

  deliver(channel: string, payload: string): void {
    for (const handler of this.#byChannel.get(channel) ?? []) handler(payload);
  }
}

/** The embedded database's thread listens and forwards; `listenOnThread` asks it to. */
export function embeddedListener(
  listenOnThread: (channel: string) => Promise<void>,
  onNotification: (deliver: (channel: string, payload: string) => void) => void,
): DatabaseListener {
  const handlers = new Handlers(listenOnThread);
  onNotification((channel, payload) => handlers.deliver(channel, payload));
  return { listen: (channel, handler) => handlers.add(channel, handler), close: async () => {} };
}

const RECONNECT_MS = { first: 250, most: 5000 };

/**
 * One connection of its own per process, opened at the first `listen`. When it breaks (the
 * server restarted, the network failed) it is opened again, with growing pauses, and listens on
 * every channel again.
 */
export function postgresListener(connectionString: string): DatabaseListener {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let pause = RECONNECT_MS.first;
  let retry: NodeJS.Timeout | undefined;

  const handlers = new Handlers(
    async (channel) => {
      const connected = await connect();
      await connected.query(`listen ${channel}`);
    },
    () => scheduleReconnect(),
  );

  function broken(failed: pg.Client): void {
    if (client !== failed) return;
    client = null;
    failed.removeAllListeners();
    void failed.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        async (connected) => {
          for (const channel of handlers.channels()) await connected.query(`listen ${channel}`);
          pause = RECONNECT_MS.first;
        },
        () => {
          pause = Math.min(pause * 2, RECONNECT_MS.most);
          scheduleReconnect();
        },
      );
    }, pause);
    retry.unref();
  }

  function connect(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const fresh = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
      fresh.on('error', () => broken(fresh));
      fresh.on('end', () => broken(fresh));
      fresh.on('notification', (message) => handlers.deliver(message.channel, message.payload ?? ''));
      try {
        await fresh.connect();
      } catch (error) {
        fresh.removeAllListeners();
        throw error;
      }
      client = fresh;
      return fresh;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    listen: (channel, handler) => handlers.add(channel, handler),
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      open?.removeAllListeners();
      await open?.end().catch(() => {});
    },
  };
}
