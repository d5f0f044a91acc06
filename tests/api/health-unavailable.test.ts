import { expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/index.js';
import { testConfig } from '../helpers/app.js';
import { freshDatabase } from '../helpers/database.js';

it('answers 503 unavailable when the PostgreSQL server cannot be reached', async () => {
  const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/nowhere' });
  const app = await buildApp({ config: testConfig(), database, web: false });
  const response = await app.inject('/api/health');
  expect(response.statusCode).toBe(503);
  expect(response.json()).toEqual({
    status: 'unavailable',
    database: 'postgres',
    problem: 'The database does not answer.',
    postgis: null,
  });
  await app.close();
  await database.close();
});

it('answers 503 unavailable when the database has gone away', async () => {
  const database = await freshDatabase({ dedicated: true });
  const app = await buildApp({ config: testConfig(), database, web: false });
  expect((await app.inject('/api/health')).statusCode).toBe(200);
  await database.close();
  const response = await app.inject('/api/health');
  expect(response.statusCode).toBe(503);
  expect(response.json().status).toBe('unavailable');
  await app.close();
});

it('says the database cannot write for a while after a write refused for a full disk (53100)', async () => {
  const database = await freshDatabase({ dedicated: true });
  const app = await buildApp({ config: testConfig(), database, web: false });
  expect((await app.inject('/api/health')).json()).toMatchObject({ status: 'ok' });
  // What the errors plugin notes when PostgreSQL answers 53100 disk_full.
  app.dbWriteHealth.noteStorageFull();
  const health = await app.inject('/api/health');
  expect(health.statusCode).toBe(503);
  expect(health.json()).toMatchObject({ status: 'degraded', problem: expect.stringMatching(/cannot write/) });
  const ready = await app.inject('/api/health/ready');
  expect(ready.statusCode).toBe(200);
  expect(ready.json()).toMatchObject({ ready: true, database: 'cannot_write' });
  await app.close();
  await database.close();
});
