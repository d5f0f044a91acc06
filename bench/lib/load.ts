/** HTTP load with autocannon (no pipelining) and database load with pgbench, same concurrency. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { summarise } from './stats.js';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/**
 * Closed-loop HTTP load: each connection sends its next request when the last is answered.
 * Percentiles come from every 2xx response's own time, not autocannon's histogram, which keeps
 * whole milliseconds: a bare route answers in about one, so its p99 would read 1 or 2.
 */
export async function httpLoad(
  url: string,
  paths: string[],
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url,
      connections,
      duration: seconds,
      pipelining: 1,
      headers,
      requests: [
        {
          setupRequest: (request) => {
            request.path = paths[next++ % paths.length]!;
            return request;
          },
        },
      ],
    };
    const load = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    load.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
    });
  });
  const { p50, p99 } = summarise(latencies);
  return {
    rps: result.requests.average,
    p50,
    p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

const run = promisify(execFile);

/**
 * Runs the same SQL through pgbench, one script per query point, at the given client count.
 * Simple protocol: pgbench's extended mode would also turn the ':MI'/':SS' inside our
 * to_char() format strings into parameters. Answers transactions per second.
 */
export async function pgbench(
  databaseUrl: string,
  sqlText: string,
  points: { lat: number; lng: number }[],
  clients: number,
  seconds: number,
): Promise<{ tps: number; latencyMs: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vicinity-pgbench-'));
  const scripts: string[] = [];
  for (const [index, point] of points.entries()) {
    const file = path.join(dir, `q${index}.sql`);
    await writeFile(file, `\\set lat ${point.lat}\n\\set lng ${point.lng}\n${sqlText.replace(/\s+/g, ' ')};\n`);
    scripts.push('-f', `${file}@1`);
  }
  const url = new URL(databaseUrl);
  const { stdout } = await run(
    'pgbench',
    ['-n', '-M', 'simple', '-c', String(clients), '-j', '2', '-T', String(seconds), ...scripts, url.pathname.slice(1)],
    {
      env: {
        ...process.env,
        PGHOST: url.hostname,
        PGPORT: url.port || '5432',
        PGUSER: decodeURIComponent(url.username),
        PGPASSWORD: decodeURIComponent(url.password),
        // As the server's own pool runs: the baseline is the same work, not the same work plus JIT.
        PGOPTIONS: '-c jit=off',
      },
      maxBuffer: 10 * 1024 * 1024,
    },
  ).finally(() => rm(dir, { recursive: true, force: true }));
  const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  return { tps, latencyMs };
}
