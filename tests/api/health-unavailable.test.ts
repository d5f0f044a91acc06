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
  expect(response.json()).toEqual({ status: 'unavailable', database: 'postgres', postgis: null });
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
