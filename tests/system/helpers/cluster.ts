/**
 * A throwaway PostgreSQL cluster of the test's own, in a temporary directory on a free port, so
 * that a test may stop and restart it without touching the server other suites share. Built with
 * the Debian PostgreSQL 15 binaries (PostGIS is installed for them); run as the `postgres` user
 * when the tests run as root, since PostgreSQL refuses to run as root.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../helpers/ports.js';

const BIN = '/usr/lib/postgresql/15/bin';

export interface Cluster {
  url: string;
  /** pg_ctl restart (fast shutdown: open connections are cut, as in `pg_ctlcluster … restart`). */
  restart(): void;
  stop(): void;
  start(): void;
  /** Stops the cluster and removes its files. */
  remove(): void;
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function createCluster(): Promise<Cluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vicinity-cluster-'));
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  const owner = postgresUser();
  if (owner) chownSync(root, owner.uid, owner.gid);
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, {
      stdio: 'pipe',
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8' },
      cwd: root,
    });
  run(path.join(BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const ctl = (...args: string[]) =>
    run(path.join(BIN, 'pg_ctl'), ['-D', dataDir, '-l', path.join(root, 'log'), '-o', options, '-w', ...args]);
  ctl('start');
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => ctl('-m', 'fast', 'restart'),
    stop: () => ctl('-m', 'fast', 'stop'),
    start: () => ctl('start'),
    remove() {
      if (stopped) return;
      stopped = true;
      try {
        ctl('-m', 'immediate', 'stop');
      } catch {
        // Already stopped.
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
