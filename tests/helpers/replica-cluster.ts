/**
 * A PostgreSQL primary and a streaming replica of it, made for one test with PostgreSQL's own
 * tools (initdb, pg_basebackup -R -X stream, pg_ctl): clusters of their own in a temporary
 * directory, on free ports, run as the `postgres` system user. The machine's shared server is
 * never touched.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports.js';

const BIN = '/usr/lib/postgresql/15/bin';

function asPostgres(command: string, args: string[], timeout = 120_000): string {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  primaryPort: number;
  replicaPort: number;
  /** Stops the replica (fast shutdown), as a replica that goes down. */
  stopReplica(): void;
  startReplica(): void;
  /** Stops both and removes their files. */
  destroy(): void;
}

/** Whether this machine can run it: PostgreSQL 15's binaries, and a `postgres` user to run them when we are root. */
export function canMakeClusters(): boolean {
  try {
    execFileSync(`${BIN}/pg_ctl`, ['--version'], { stdio: 'ignore' });
    if (process.getuid?.() === 0) execFileSync('id', ['postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function makeReplicaCluster(): Promise<ReplicaCluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vicinity-pg-'));
  chmodSync(root, 0o755);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
  }
  const primary = path.join(root, 'primary');
  const replica = path.join(root, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = (dir: string) => {
    try {
      asPostgres(`${BIN}/pg_ctl`, ['-D', dir, '-m', 'fast', '-w', 'stop'], 60_000);
    } catch {
      // Not running.
    }
  };
  try {
    asPostgres(`${BIN}/initdb`, ['-D', primary, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    // initdb's pg_hba.conf already lets 127.0.0.1 connect for replication (trust).
    const settings = [
      `port = ${primaryPort}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${root}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'shared_buffers = 32MB',
      'max_connections = 60',
      'jit = off',
    ];
    writeFileSync(path.join(primary, 'postgresql.auto.conf'), `${settings.join('\n')}\n`);
    asPostgres(`${BIN}/pg_ctl`, ['-D', primary, '-l', path.join(root, 'primary.log'), '-w', 'start']);
    started.push(primary);
    asPostgres(`${BIN}/pg_basebackup`, [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    // The copy carries the primary's settings (and -R's primary_conninfo); only its port differs.
    asPostgres('sh', ['-c', `echo "port = ${replicaPort}" >> '${path.join(replica, 'postgresql.auto.conf')}'`]);
    const startReplica = () =>
      asPostgres(`${BIN}/pg_ctl`, ['-D', replica, '-l', path.join(root, 'replica.log'), '-w', 'start']);
    startReplica();
    started.push(replica);
    return {
      primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
      replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
      primaryPort,
      replicaPort,
      stopReplica: () => stop(replica),
      startReplica,
      destroy: () => {
        stop(replica);
        stop(primary);
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const dir of started.reverse()) stop(dir);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
