/** Looking for players: minPlayers, "needs N more", the deadline job that cancels or keeps. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { testConfig, useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR, readEvent, rsvp } from '../helpers/events.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };

/** Moves the meetup's deadline (and its job) into the past, as if the time had come. */
async function deadlineReached(eventId: number) {
  await sql`update events set players_deadline = now() - interval '1 second' where id = ${eventId}::bigint`.execute(
    t.db,
  );
  const deadline = await sql<{
    d: Date;
  }>`select players_deadline as d from events where id = ${eventId}::bigint`.execute(t.db);
  await sql`update jobs set run_at = now() - interval '1 second',
      payload = jsonb_set(payload, '{deadline}', to_jsonb(${deadline.rows[0]!.d.toISOString()}::text))
    where key = ${`event-player-check:${eventId}`}`.execute(t.db);
}

async function inbox(user: TestUser) {
  const response = await t.app.inject({ url: '/api/notifications', headers: user.auth });
  return response.json().items as Array<{ kind: string; text: string }>;
}

describe('looking for players', () => {
  it('says how many more are needed, and validates the numbers', async () => {
    const host = await registerUser(t.app);
    const event = await createEvent(t.app, host, kreuzberg, {
      minPlayers: 3,
      capacity: 6,
      decideHoursBefore: 12,
      onShortfall: 'cancel',
    });
    expect(event).toMatchObject({ minPlayers: 3, needsPlayers: 3, onShortfall: 'cancel' });
    expect(Date.parse(event.startsAt) - Date.parse(event.playersDeadline!)).toBe(12 * HOUR);
    const guest = await registerUser(t.app);
    await rsvp(t.app, guest, event.id, 'going');
    expect((await readEvent(t.app, event.id)).needsPlayers).toBe(2);

    const bad = [
      { minPlayers: 8, capacity: 4 },
      { decideHoursBefore: 5 },
      { minPlayers: 2, decideHoursBefore: 48 },
      { minPlayers: 0 },
    ];
    for (const fields of bad) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: host.auth,
        payload: {
          title: 'x',
          startsAt: fromNow(DAY),
          endsAt: fromNow(DAY + HOUR),
          timeZone: 'Europe/Berlin',
          location: kreuzberg,
          ...fields,
        },
      });
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
    }
  });

  it('filters lists and the nearby page to meetups that need players', async () => {
    const host = await registerUser(t.app);
    const spot = { lat: 48.1374, lng: 11.5755 };
    const needs = await createEvent(t.app, host, spot, { minPlayers: 2 });
    const full = await createEvent(t.app, host, spot, { minPlayers: 1 });
    await rsvp(t.app, host, full.id, 'going');
    const plain = await createEvent(t.app, host, spot);
    const q = `lat=${spot.lat}&lng=${spot.lng}&radius=1000`;
    for (const url of [`/api/events?${q}&needsPlayers=true`, `/api/nearby?${q}&needsPlayers=true`]) {
      const ids = (await t.app.inject(url)).json().features.map((f: { id: string }) => f.id);
      expect(ids, url).toEqual([`event:${needs.id}`]);
    }
    const all = (await t.app.inject(`/api/events?${q}`)).json().features.length;
    expect(all).toBe(3);
    expect(plain.minPlayers).toBeNull();
  });

  it('cancels a meetup still short at the deadline from a job another process runs, and tells everyone', async () => {
    const host = await registerUser(t.app, 'Host');
    const guest = await registerUser(t.app, 'Guest');
    const event = await createEvent(t.app, host, kreuzberg, {
      title: 'Twilight Imperium',
      minPlayers: 4,
      decideHoursBefore: 6,
      onShortfall: 'cancel',
    });
    await rsvp(t.app, guest, event.id, 'going');
    await deadlineReached(event.id);

    // A restarted server (a second app over the same database) finds the job in the table and runs it.
    const restarted = await buildApp({ config: testConfig(), database: t.database, web: false, runJobs: false });
    await restarted.ready();
    try {
      expect(await restarted.jobs.runDue()).toBeGreaterThanOrEqual(1);
    } finally {
      await restarted.close();
    }
    expect((await readEvent(t.app, event.id)).status).toBe('cancelled');
    for (const user of [guest, host]) {
      const cancelled = (await inbox(user)).find((item) => item.kind === 'event_cancelled');
      expect(cancelled?.text).toContain('not enough players');
    }
  });

  it('keeps a meetup that reached its minimum, or whose organizer chose to keep it', async () => {
    const host = await registerUser(t.app);
    const guest = await registerUser(t.app);
    const reached = await createEvent(t.app, host, kreuzberg, {
      minPlayers: 1,
      decideHoursBefore: 6,
      onShortfall: 'cancel',
    });
    await rsvp(t.app, guest, reached.id, 'going');
    const kept = await createEvent(t.app, host, kreuzberg, {
      minPlayers: 5,
      decideHoursBefore: 6,
      onShortfall: 'keep',
    });
    await deadlineReached(reached.id);
    await deadlineReached(kept.id);
    await t.app.jobs.runDue();
    expect((await readEvent(t.app, reached.id)).status).toBe('scheduled');
    expect((await readEvent(t.app, kept.id)).status).toBe('scheduled');
  });

  it('moves the check with the meetup, and drops it when the minimum is removed', async () => {
    const host = await registerUser(t.app);
    const event = await createEvent(t.app, host, kreuzberg, {
      minPlayers: 3,
      decideHoursBefore: 6,
      onShortfall: 'cancel',
    });
    const job = async () =>
      (
        await sql<{ run_at: Date }>`select run_at from jobs where key = ${`event-player-check:${event.id}`}`.execute(
          t.db,
        )
      ).rows[0]?.run_at;
    const later = fromNow(2 * DAY);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: host.auth,
      payload: { startsAt: later, endsAt: fromNow(2 * DAY + 3 * HOUR) },
    });
    expect((await job())!.getTime()).toBe(Math.floor(Date.parse(later) / 1000) * 1000 - 6 * HOUR);
    const removed = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: host.auth,
      payload: { minPlayers: null, decideHoursBefore: null },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ minPlayers: null, playersDeadline: null, needsPlayers: 0 });
    expect(await job()).toBeUndefined();
  });
});
