import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/database.js';

const t = useTestApp({ embeddedMaxInFlight: 2, embeddedMaxQueued: 4 });
const nearby = () => t.app.inject('/api/nearby?lat=52.5&lng=13.4&radius=1000');

describe.runIf(TEST_DB_KIND === 'embedded')('admission control on the embedded database', () => {
  it('serves a few at once, lines up the next ones and answers them all', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, nearby));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('answers 503 busy with Retry-After once the line is full', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, nearby));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(6);
    const busy = answers.filter((answer) => answer.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.json().error.code).toBe('busy');
    expect(busy[0]!.headers['retry-after']).toBe('1');
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
  });

  it('admits again once the earlier requests are answered, and never limits /api/health', async () => {
    for (let i = 0; i < 5; i++) expect((await nearby()).statusCode).toBe(200);
    const health = await Promise.all(Array.from({ length: 10 }, () => t.app.inject('/api/health')));
    expect(health.every((answer) => answer.statusCode === 200)).toBe(true);
  });
});

describe.runIf(TEST_DB_KIND === 'postgres')('admission control with a PostgreSQL server', () => {
  it('is off: the pool queues the work', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, nearby));
    expect(answers.every((answer) => answer.statusCode === 200)).toBe(true);
  });
});
