import { expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { testConfig, useTestApp } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/database.js';

const TOKEN = 'a-metrics-token-long-enough';
const t = useTestApp({ metricsToken: TOKEN });

const scrape = (token?: string) =>
  t.app.inject({ url: '/metrics', headers: token ? { authorization: `Bearer ${token}` } : {} });

it('refuses a scrape without the token, or with another one', async () => {
  for (const response of [await scrape(), await scrape('a-metrics-token-long-enougH')]) {
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
    expect(response.headers['www-authenticate']).toContain('Bearer');
  }
});

it('reports requests per route, the admission line, jobs, event-loop delay and the pool', async () => {
  await t.app.inject('/api/nearby?lat=52.5&lng=13.4&radius=1000');
  await t.app.inject('/api/nearby?lat=52.5&lng=13.4&radius=2000');
  await t.app.inject('/api/places/999999');
  await t.db.insertInto('jobs').values({ kind: 'notification_email', payload: '{}' }).execute();
  const response = await scrape(TOKEN);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  const text = response.body;
  expect(text).toMatch(/vicinity_http_requests_total\{method="GET",route="\/api\/nearby",status="200"\} 2/);
  expect(text).toMatch(/vicinity_http_requests_total\{method="GET",route="\/api\/places\/:id",status="404"\} 1/);
  expect(text).toMatch(/vicinity_http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/api\/nearby"\}/);
  expect(text).toMatch(/vicinity_admission_queued 0/);
  expect(text).toMatch(/vicinity_jobs\{kind="notification_email",state="due"\} 1/);
  expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds/);
  expect(text).toMatch(/vicinity_notification_streams 0/);
  if (TEST_DB_KIND === 'postgres') {
    expect(text).toMatch(/vicinity_db_pool_connections\{state="max"\} \d+/);
    expect(text).toMatch(/vicinity_db_pool_acquired_total \d+/);
  }
});

it('is off without METRICS_TOKEN', async () => {
  const app = await buildApp({ config: testConfig(), database: t.database, web: false });
  try {
    const response = await app.inject('/metrics');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  } finally {
    await app.close();
  }
});
