/**
 * Throwaway PostgreSQL clusters, for tests and the benchmark: a cluster of their own in a
 * temporary directory on a free port, and a streaming replica of one made with PostgreSQL's own
 * tools (initdb, pg_basebackup -R -X stream, pg_ctl), so that they may stop, restart or replicate
 * it without touching the server others share. Built with the Debian PostgreSQL 15 binaries
 * (PostGIS is installed for them); run as the `postgres` system user when we are root, since
 * PostgreSQL refuses to run as root.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './ports.js';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * Settings for speed over safety (a crash loses a throwaway cluster), with room for the
 * connections of a few server pools, and what streaming replication needs.
 */
const SETTINGS = [
  `listen_addresses = '127.0.0.1'`,
  'wal_level = replica',
  'max_wal_senders = 4',
  'fsync = off',
  'synchronous_commit = off',
  'full_page_writes = off',
  'max_connections = 60',
  'jit = off',
];

export interface Cluster {
  url: string;
  port: number;
  dataDir: string;
  /** pg_ctl restart (fast shutdown: open connections are cut, as in `pg_ctlcluster … restart`). */
  restart(): void;
  /** Fast shutdown. Stopping one that is not running does nothing. */
  stop(): void;
  start(): void;
  /** The postmaster's process id while it runs (its backends are its children). */
  pid(): number;
  /** Stops the cluster and removes its files. */
  remove(): void;
}

export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  primaryPort: number;
  replicaPort: number;
  primary: Cluster;
  replica: Cluster;
  /** Stops the replica (fast shutdown), as a replica that goes down. */
  stopReplica(): void;
  startReplica(): void;
  /** Stops both and removes their files. */
  destroy(): void;
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Whether this machine can make clusters: PostgreSQL 15's binaries, and a `postgres` user to run them when we are root. */
export function canMakeClusters(): boolean {
  try {
    execFileSync(path.join(BIN, 'pg_ctl'), ['--version'], { stdio: 'ignore' });
    postgresUser();
    return true;
  } catch {
    return false;
  }
}

/** A directory owned by the user the clusters run as, removed with them. */
function ownedTempDir(prefix: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(root, 0o755);
  const owner = postgresUser();
  if (owner) chownSync(root, owner.uid, owner.gid);
  return root;
}

function runner(cwd: string) {
  const owner = postgresUser();
  return (command: string, args: string[], timeout = 120_000) =>
    execFileSync(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8' },
      cwd,
      timeout,
      encoding: 'utf8',
    });
}

/** Control of a data directory that holds a cluster, started on `port` with its socket in `root`. */
function controlled(root: string, dataDir: string, port: number, name: string): Cluster {
  const run = runner(root);
  const ctl = (...args: string[]) =>
    run(path.join(BIN, 'pg_ctl'), ['-D', dataDir, '-l', path.join(root, `${name}.log`), '-w', ...args]);
  let removed = false;
  const stop = (mode = 'fast') => {
    try {
      ctl('-m', mode, 'stop');
    } catch {
      // Not running.
    }
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    restart: () => void ctl('-m', 'fast', 'restart'),
    stop: () => stop(),
    start: () => void ctl('start'),
    pid: () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    remove() {
      if (removed) return;
      removed = true;
      stop('immediate');
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Appends settings to a data directory's postgresql.auto.conf, as the user the cluster runs as. */
function configure(dataDir: string, settings: string[]): void {
  const file = path.join(dataDir, 'postgresql.auto.conf');
  writeFileSync(file, `${readFileSync(file, 'utf8')}${settings.join('\n')}\n`);
  const owner = postgresUser();
  if (owner) chownSync(file, owner.uid, owner.gid);
}

/**
 * A new cluster, started. `settings` are added to the defaults above (a later line wins), e.g.
 * `shared_buffers = 128MB`.
 */
export async function createCluster(settings: string[] = []): Promise<Cluster> {
  const root = ownedTempDir('vicinity-pg-');
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  try {
    // initdb's pg_hba.conf already lets 127.0.0.1 connect for replication (trust).
    runner(root)(path.join(BIN, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    configure(dataDir, [...SETTINGS, `port = ${port}`, `unix_socket_directories = '${root}'`, ...settings]);
    const cluster = controlled(root, dataDir, port, 'primary');
    cluster.start();
    return cluster;
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A streaming replica of `primary` (which must allow replication connections from 127.0.0.1, as
 * clusters made here do): pg_basebackup into a directory of its own, started on a free port. It
 * is removed with `remove()`, apart from the primary.
 */
export async function addStreamingReplica(primary: Cluster): Promise<Cluster> {
  const root = ownedTempDir('vicinity-pg-replica-');
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  const run = runner(root);
  try {
    run(
      path.join(BIN, 'pg_basebackup'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-D',
        dataDir,
        '-R',
        '-X',
        'stream',
        '--no-sync',
      ],
      600_000,
    );
    // The copy carries the primary's settings (and -R's primary_conninfo); only its port and socket differ.
    configure(dataDir, [`port = ${port}`, `unix_socket_directories = '${root}'`]);
    const replica = controlled(root, dataDir, port, 'replica');
    replica.start();
    return replica;
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** A primary and a streaming replica of it. */
export async function makeReplicaCluster(settings: string[] = []): Promise<ReplicaCluster> {
  const primary = await createCluster(settings);
  let replica: Cluster;
  try {
    replica = await addStreamingReplica(primary);
  } catch (error) {
    primary.remove();
    throw error;
  }
  return {
    primaryUrl: primary.url,
    replicaUrl: replica.url,
    primaryPort: primary.port,
    replicaPort: replica.port,
    primary,
    replica,
    stopReplica: () => replica.stop(),
    startReplica: () => replica.start(),
    destroy: () => {
      replica.remove();
      primary.remove();
    },
  };
}

/** Waits until the replica has replayed everything the primary had written when asked. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 120_000): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await primary.connect();
  try {
    await replica.connect();
    const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replayed = await replica.query<{ caught_up: boolean }>(
        'select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as caught_up',
        [rows[0]!.lsn],
      );
      if (replayed.rows[0]!.caught_up) return;
      if (Date.now() > deadline) throw new Error(`the replica had not replayed up to ${rows[0]!.lsn} in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await replica.end().catch(() => {});
    await primary.end();
  }
}
