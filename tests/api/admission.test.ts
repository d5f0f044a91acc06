import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { testConfig, useTestApp } from '../helpers/app.js';
import { countTurns } from '../helpers/turns.js';

const t = useTestApp({ embeddedMaxInFlight: 2, serverMaxInFlight: 2, maxQueued: 4 });
const nearby = () => t.app.inject('/api/nearby?lat=52.5&lng=13.4&radius=1000');

describe('admission control', () => {
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

describe('admission control over real connections', () => {
  /** One GET on its own connection (or the agent's), resolved with the status once the body is read. */
  const get = (url: string, agent: http.Agent) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(url, { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        })
        .on('error', reject);
    });

  it('lets new connections in while open ones keep it busy', async () => {
    const app = await buildApp({
      config: testConfig({ embeddedMaxInFlight: 1, serverMaxInFlight: 1, maxQueued: 1000 }),
      database: t.database,
      web: false,
      runJobs: false,
    });
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${origin}/api/nearby?lat=52.5&lng=13.4&radius=5000`;
    const busy = new http.Agent({ keepAlive: true, maxSockets: 20 });
    let served = 0;
    let stop = false;
    try {
      const loops = Array.from({ length: 20 }, async () => {
        while (!stop) {
          expect(await get(url, busy)).toBe(200);
          served += 1;
        }
      });
      while (served < 100) await new Promise((resolve) => setTimeout(resolve, 5));
      // 40 newcomers at once, each on a new connection. Fairly served, each waits behind at most
      // the 60 requests open at that moment; a newcomer left in the accept queue would instead
      // see the 20 busy connections served again and again, hundreds of answers.
      const answeredMeanwhile = await Promise.all(
        Array.from({ length: 40 }, async () => {
          const before = served;
          expect(await get(url, new http.Agent({ keepAlive: false }))).toBe(200);
          return served - before;
        }),
      );
      stop = true;
      await Promise.all(loops);
      expect(Math.max(...answeredMeanwhile)).toBeLessThan(150);
    } finally {
      stop = true;
      busy.destroy();
      await app.close();
    }
  });
});

describe('admission control, turn by turn', () => {
  it('starts together the waiting requests for which places free up in one turn', async () => {
    const app = await buildApp({
      config: testConfig({ embeddedMaxInFlight: 3, serverMaxInFlight: 3, maxQueued: 100 }),
      database: t.database,
      web: false,
      runJobs: false,
    });
    const counter = countTurns();
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    // Requests started at a turn, and a gate that holds them until it is opened.
    const startedIn: number[] = [];
    let openGate = () => {};
    let gate = Promise.resolve();
    const closeGate = () => (gate = new Promise<void>((resolve) => (openGate = resolve)));
    closeGate();
    app.get('/api/test-probe', async () => {
      startedIn.push(counter.turns());
      await gate;
      return { ok: true };
    });
    try {
      const answers = Promise.all(Array.from({ length: 9 }, () => app.inject('/api/test-probe')));
      while (startedIn.length < 3) await nextTurn();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(startedIn.length).toBe(3);
      for (const started of [6, 9]) {
        // The three running requests end together: the next three start in one turn.
        const open = openGate;
        closeGate();
        open();
        while (startedIn.length < started) await nextTurn();
        expect(new Set(startedIn.slice(started - 3, started)).size).toBe(1);
      }
      openGate();
      expect((await answers).map((answer) => answer.statusCode)).toEqual(Array(9).fill(200));
    } finally {
      counter.stop();
      await app.close();
    }
  });
});
