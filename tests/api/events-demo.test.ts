import { describe, expect, it } from 'vitest';
import { DEMO_CENTER, DEMO_PASSWORD } from '../../server/src/seed/demo-area.js';
import { seedDemoIfEmpty } from '../../server/src/seed/index.js';
import { useTestApp } from '../helpers/app.js';
import { DAY, type EventJson } from '../helpers/events.js';

const t = useTestApp();

async function signIn(key: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: `${key}@demo.vicinity.example`, password: DEMO_PASSWORD },
  });
  return { authorization: `Bearer ${response.json().token}` };
}

async function allEvents(headers: Record<string, string>, query = ''): Promise<EventJson[]> {
  const events: EventJson[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/events?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await t.app.inject({ url, headers })).json();
    events.push(...page.features.map((f: { properties: EventJson }) => f.properties));
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

describe('demo meetups', () => {
  it('seeds about thirty upcoming meetups with series, full ones with waitlists and one cancelled', async () => {
    const summary = await seedDemoIfEmpty(t.db);
    expect(summary).toMatch(
      /^6 people, 40 places, 10 groups, .*30 meetups \(2 weekly series\), \d+ RSVPs, 2 join requests$/,
    );

    // Jonas owns the queer game night and Ana the parents' playgroup: together they see every meetup.
    const jonas = await signIn('jonas');
    const ana = await signIn('ana');
    const seen = new Map<number, EventJson>();
    for (const headers of [jonas, ana]) {
      for (const event of await allEvents(headers, '&includeCancelled=true')) seen.set(event.id, event);
    }
    const events = [...seen.values()];
    expect(events).toHaveLength(30);
    for (const event of events) {
      expect(Date.parse(event.endsAt)).toBeGreaterThan(Date.now());
      expect(Date.parse(event.startsAt)).toBeLessThan(Date.now() + 60 * DAY);
    }

    const series = new Map<number, EventJson[]>();
    for (const event of events.filter((e) => e.series))
      series.set(event.series!.id, [...(series.get(event.series!.id) ?? []), event]);
    expect([...series.values()].map((occurrences) => occurrences.length)).toEqual([8, 8]);
    for (const occurrences of series.values()) {
      const localTimes = new Set(occurrences.map((e) => e.startsAt.slice(11, 16)));
      expect(localTimes.size).toBe(1);
    }

    const full = events.filter((e) => e.capacity !== null && e.seatsLeft === 0 && e.waitlisted > 0);
    expect(full.length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.capacity !== null).length).toBeGreaterThanOrEqual(5);
    expect(events.filter((e) => e.status === 'cancelled')).toHaveLength(1);
  });

  it('keeps the private groups’ meetups from people outside them, on the list and the map', async () => {
    const anonymous = await allEvents({}, `&lat=${DEMO_CENTER.lat}&lng=${DEMO_CENTER.lng}&radius=10000`);
    expect(anonymous.length).toBeGreaterThan(20);
    expect(anonymous.every((e) => e.group === null || e.group.visibility === 'public')).toBe(true);
    const d = 0.03;
    const bbox = [DEMO_CENTER.lng - 2 * d, DEMO_CENTER.lat - d, DEMO_CENTER.lng + 2 * d, DEMO_CENTER.lat + d].join(',');
    const map = (await t.app.inject(`/api/map?bbox=${bbox}&zoom=14&kinds=event`)).json() as {
      features: Array<{ properties: { kind: string; itemId?: number; count?: number } }>;
    };
    // The map shows a series once and groups markers that would overlap.
    const seriesOnce = await allEvents(
      {},
      `&lat=${DEMO_CENTER.lat}&lng=${DEMO_CENTER.lng}&radius=10000&collapseSeries=true`,
    );
    expect(seriesOnce.length).toBeLessThan(anonymous.length);
    const singles = map.features.filter((f) => f.properties.kind === 'event').map((f) => f.properties.itemId);
    const grouped = map.features.reduce(
      (sum, f) => sum + (f.properties.kind === 'cluster' ? f.properties.count! : 0),
      0,
    );
    expect(singles.length + grouped).toBe(seriesOnce.length);
    const publicIds = new Set(anonymous.map((e) => e.id));
    expect(singles.every((id) => publicIds.has(id!))).toBe(true);
  });

  it('leaves join requests waiting in the private groups', async () => {
    const ana = await signIn('ana');
    const groups = (
      await t.app.inject(`/api/groups?lat=${DEMO_CENTER.lat}&lng=${DEMO_CENTER.lng}&radius=10000`)
    ).json();
    const parents = groups.features.find((f: { properties: { name: string } }) =>
      f.properties.name.startsWith('Graefekiez'),
    );
    const requests = (
      await t.app.inject({ url: `/api/groups/${parents.properties.itemId}/requests`, headers: ana })
    ).json();
    expect(requests.requests.map((r: { user: { displayName: string } }) => r.user.displayName)).toEqual(['Lea Yılmaz']);
  });
});
