/**
 * Builds the real app on a fresh database for one test file. Call `useTestApp()` at the top of
 * a file; `t.app`, `t.db` are ready inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp, type AppConfig, type BuildAppOptions } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config/index.js';
import type { DatabaseHandle } from '../../server/src/db/index.js';
import type { Database } from '../../server/src/db/schema.js';
import { freshDatabase } from './database.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', SEED: 'none', DATA_DIR: '.cache/unused-data-dir' }),
    jwtSecret: TEST_JWT_SECRET,
    authRateLimit: 100_000,
    // Some tests fire hundreds of requests at once on purpose; admission control has its own test.
    embeddedMaxInFlight: 100_000,
    serverMaxInFlight: 100_000,
    maxQueued: 0,
    // Tests write many posts from accounts made a moment ago; the first line has its own tests.
    newAccountHours: 0,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  database: DatabaseHandle;
}

/**
 * `runJobs`: start the app's job worker, as a server does. Off by default, so that a test runs due
 * jobs itself (`t.app.jobs.runDue()`) when it wants their effects, and sees none before.
 */
export function useTestApp(
  overrides: Partial<AppConfig> = {},
  options: { poolSize?: number; runJobs?: boolean; notificationStreams?: BuildAppOptions['notificationStreams'] } = {},
): TestApp {
  const context = {} as TestApp;
  beforeAll(async () => {
    context.database = await freshDatabase(options);
    context.db = context.database.db;
    context.app = await buildApp({
      config: testConfig(overrides),
      database: context.database,
      web: false,
      runJobs: options.runJobs ?? false,
      notificationStreams: options.notificationStreams,
    });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}
