/**
 * The server as people start it: real `tsx server/src/main.ts` processes, on a temporary data
 * directory or a scratch PostGIS database, spoken to over HTTP. This catches what `app.inject`
 * cannot: start-up order, the listening line, signal handling, and state that must survive a
 * restart (the database files and the generated JWT secret in DATA_DIR).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MAIN = 'server/src/main.ts';
const MIGRATE = 'server/src/db/migrate-cli.ts';

// PGlite + PostGIS runs initdb on the first start of an empty DATA_DIR: ~20 s on a quiet
// machine, much longer while the API suites share the two cores.
const FIRST_START_MS = 150_000;
const START_MS = 60_000;

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
// Under CI the PostGIS checks must run; the global setup already fails a CI run without the URL.
const skipPostgres = !TEST_DATABASE_URL && process.env.CI !== 'true';

/**
 * Children get a minimal environment plus what each test sets, so a PORT or DATABASE_URL in the
 * developer's shell cannot change what a test starts.
 */
function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  return { ...env, ...overrides };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const running = new Set<Program>();

/** A `tsx <script>` child with its output captured. */
class Program {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;

  constructor(script: string, env: Record<string, string>) {
    // Its own process group: tsx runs the script in a grandchild, and a cleanup SIGKILL must
    // reach both or an orphaned server would keep the port and the data directory.
    this.child = spawn(TSX, [script], {
      cwd: ROOT,
      env: childEnv(env),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(this);
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => {
      // 'close' rather than 'exit': it waits until the output has been read to the end.
      this.child.once('close', (code, signal) => {
        running.delete(this);
        resolve({ code, signal });
      });
    });
  }

  describe(): string {
    return `stdout:\n${this.stdout}\nstderr:\n${this.stderr}`;
  }

  /** Waits for the process to end by itself. */
  async finished(timeoutMs: number): Promise<Exit> {
    return within(this.exited, timeoutMs, () => `did not exit within ${timeoutMs} ms\n${this.describe()}`);
  }

  /** SIGTERM, as a process manager or `docker stop` sends it, then wait for the exit. */
  async stop(): Promise<Exit> {
    this.child.kill('SIGTERM');
    return this.finished(15_000);
  }

  kill(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function within<T>(promise: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const LISTENING = /^Vicinity is listening on http:\/\/localhost:(\d+) \(database: (.+)\)$/m;

interface Server {
  program: Program;
  /** The printed URL, with the loopback address the server binds to by default. */
  base: string;
  /** What the listening line says about the database. */
  database: string;
}

/** Starts the server on a free port and reads the real one from its listening line. */
async function startServer(env: Record<string, string>, timeoutMs: number): Promise<Server> {
  const program = new Program(MAIN, { PORT: '0', LOG_LEVEL: 'warn', ...env });
  const listening = new Promise<Server>((resolve, reject) => {
    const check = () => {
      const match = LISTENING.exec(program.stdout);
      if (match) resolve({ program, base: `http://127.0.0.1:${match[1]}`, database: match[2]! });
    };
    program.child.stdout!.on('data', check);
    void program.exited.then(({ code, signal }) =>
      reject(new Error(`the server exited (code ${code}, signal ${signal}) before listening\n${program.describe()}`)),
    );
  });
  try {
    return await within(listening, timeoutMs, () => `no listening line within ${timeoutMs} ms\n${program.describe()}`);
  } catch (error) {
    // A server still starting up would hold DATA_DIR while the next test opens it again.
    program.kill();
    throw error;
  }
}

async function call(
  base: string,
  route: string,
  { body, token }: { body?: unknown; token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'vicinity-start-modes-'));
});

/** Cleanup after failures: whatever is still running gets SIGKILL. */
async function killAll(): Promise<void> {
  const left = [...running];
  for (const program of left) program.kill();
  await Promise.all(left.map((program) => program.finished(10_000).catch(() => undefined)));
}

afterAll(async () => {
  await killAll();
  await rm(scratch, { recursive: true, force: true });
});

describe('embedded database (no DATABASE_URL)', () => {
  const account = { email: 'restart@example.org', password: 'a long enough password', displayName: 'Restart Test' };
  let dataDir: string;
  let server: Server;
  let firstToken: string;

  beforeAll(() => {
    dataDir = path.join(scratch, 'embedded-data');
  });

  it(
    'starts on an empty DATA_DIR, names the embedded database and answers healthy',
    { timeout: FIRST_START_MS + 30_000 },
    async () => {
      server = await startServer({ DATA_DIR: dataDir, SEED: 'none' }, FIRST_START_MS);

      expect(server.database).toMatch(new RegExp(`^embedded PGlite in ${escapeRegExp(dataDir)}, PostGIS \\d`));
      expect(await call(server.base, '/api/health')).toMatchObject({
        status: 200,
        body: { status: 'ok', database: 'embedded' },
      });
      // Both the database files and the generated signing secret live in DATA_DIR, the secret
      // readable by its owner only.
      expect(await readdir(dataDir)).toEqual(expect.arrayContaining(['pgdata', 'jwt-secret']));
      expect((await stat(path.join(dataDir, 'jwt-secret'))).mode & 0o777).toBe(0o600);
    },
  );

  it('registers an account', async () => {
    const registered = await call(server.base, '/api/auth/register', { body: account });
    expect(registered).toMatchObject({ status: 201, body: { user: { email: account.email } } });
    firstToken = (registered.body as { token: string }).token;
    expect(await call(server.base, '/api/me', { token: firstToken })).toMatchObject({ status: 200 });
  });

  it('exits with code 0 on SIGTERM', async () => {
    expect(await server.program.stop()).toEqual({ code: 0, signal: null });
    expect(server.program.stderr).toBe('');
  });

  it(
    'keeps the account and accepts the earlier token after a restart on the same DATA_DIR',
    { timeout: START_MS + 30_000 },
    async () => {
      server = await startServer({ DATA_DIR: dataDir, SEED: 'none' }, START_MS);

      // The token was signed before the restart: it is only accepted if the secret was kept.
      expect(await call(server.base, '/api/me', { token: firstToken })).toMatchObject({
        status: 200,
        body: { email: account.email, displayName: account.displayName },
      });
      expect(
        await call(server.base, '/api/auth/login', { body: { email: account.email, password: account.password } }),
      ).toMatchObject({ status: 200, body: { user: { email: account.email } } });

      expect(await server.program.stop()).toEqual({ code: 0, signal: null });
    },
  );

  it('`npm run migrate` finds the embedded database up to date', { timeout: START_MS }, async () => {
    // Only once the server has stopped: an embedded database has one process at a time.
    const migrate = new Program(MIGRATE, { DATA_DIR: dataDir });
    expect(await migrate.finished(START_MS - 5_000)).toEqual({ code: 0, signal: null });
    expect(migrate.stdout).toContain('already up to date');
  });
});

describe.skipIf(skipPostgres)('PostgreSQL + PostGIS (DATABASE_URL)', () => {
  const adminUrl = TEST_DATABASE_URL ?? '';
  // Not the API suites' prefix: their global setup drops leftover databases with that prefix,
  // which could pull this one away from under a running server.
  const name = `vicinity_start_modes_${process.pid}_${randomBytes(4).toString('hex')}`;
  let databaseUrl: string;
  let created = false;
  let dataDir: string;
  let server: Server;

  async function admin<T>(work: (client: pg.Client) => Promise<T>, url = adminUrl): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    if (!adminUrl) throw new Error('CI=true requires TEST_DATABASE_URL for the PostGIS start checks.');
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dataDir = path.join(scratch, 'postgres-data');
    await admin((client) => client.query(`create database "${name}"`));
    created = true;
  });

  afterAll(async () => {
    await killAll();
    if (created) await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
  });

  it(
    'migrates an empty database on start, names PostgreSQL and answers healthy',
    { timeout: START_MS + 30_000 },
    async () => {
      server = await startServer(
        { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, JWT_SECRET: 'a-start-modes-secret-that-is-long-enough' },
        START_MS,
      );

      expect(server.database).toMatch(/^PostgreSQL server, PostGIS \d/);
      expect(await call(server.base, '/api/health')).toMatchObject({
        status: 200,
        body: { status: 'ok', database: 'postgres' },
      });

      const migrations = (await readdir(path.join(ROOT, 'migrations'))).filter((file) => /^\d{4}_.*\.ts$/.test(file));
      const applied = await admin((client) => client.query('select name from kysely_migration'), databaseUrl);
      expect(applied.rowCount).toBe(migrations.length);
      // SEED defaults to none with DATABASE_URL: a shared database never gets demo people.
      const users = await admin((client) => client.query('select 1 from users'), databaseUrl);
      expect(users.rowCount).toBe(0);
      // With JWT_SECRET given, nothing needs writing to disk.
      expect(existsSync(dataDir)).toBe(false);
    },
  );

  it('`npm run migrate` reports the database up to date while the server runs', { timeout: START_MS }, async () => {
    const migrate = new Program(MIGRATE, { DATABASE_URL: databaseUrl });
    expect(await migrate.finished(START_MS - 5_000)).toEqual({ code: 0, signal: null });
    expect(migrate.stdout).toContain('already up to date');
  });

  it('exits with code 0 on SIGTERM', async () => {
    expect(await server.program.stop()).toEqual({ code: 0, signal: null });
    expect(server.program.stderr).toBe('');
  });
});

describe('configuration errors', () => {
  it.each<{ variable: string; env: Record<string, string> }>([
    { variable: 'PORT', env: { PORT: 'abc' } },
    { variable: 'DATABASE_URL', env: { DATABASE_URL: 'mysql://x' } },
    { variable: 'JWT_SECRET', env: { NODE_ENV: 'production' } },
    { variable: 'LOG_LEVEL', env: { LOG_LEVEL: 'loud' } },
  ])('exits with code 1 and one stderr line naming $variable', { timeout: START_MS }, async ({ variable, env }) => {
    const dataDir = path.join(scratch, `refused-${variable}`);
    const program = new Program(MAIN, { DATA_DIR: dataDir, ...env });

    // Loading the server's modules alone takes seconds while other suites share the cores.
    expect(await program.finished(START_MS - 5_000)).toEqual({ code: 1, signal: null });
    expect(program.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(`^Configuration error: ${variable}: `),
    ]);
    expect(program.stdout).toBe('');
    // Refused before anything touched the disk.
    expect(existsSync(dataDir)).toBe(false);
  });
});
