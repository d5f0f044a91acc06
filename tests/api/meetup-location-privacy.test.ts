/**
 * Approximate meetups: everyone who is not going (or organizing) sees only the area, in every
 * answer, and cannot narrow it down by asking from many places; going shows the exact point and
 * address at once, and leaving hides them again.
 */
import { describe, expect, it } from 'vitest';
import { coarsen, COARSEN_METERS } from '../../server/src/geo/coarsen.js';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR, rsvp } from '../helpers/events.js';
import { destination, geodesicDistance, type LatLng } from '../helpers/geo.js';
import { createPlace } from '../helpers/places.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const ADDRESS = 'Geheimweg 7, 3. OG';
/** A grid point, and an exact point well inside its cell but far from its centre. */
const AREA = coarsen({ lat: 52.5201, lng: 13.4049 });
const EXACT = destination(AREA, 40, 200);
const GAP = geodesicDistance(AREA, EXACT);

/** Every point an answer holds: {lat, lng} objects and GeoJSON coordinates, at any depth. */
function pointsIn(value: unknown, found: LatLng[] = []): LatLng[] {
  if (Array.isArray(value)) {
    if (value.length === 2 && value.every((n) => typeof n === 'number')) {
      found.push({ lng: value[0] as number, lat: value[1] as number });
    } else for (const item of value) pointsIn(item, found);
  } else if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.lat === 'number' && typeof v.lng === 'number') found.push({ lat: v.lat, lng: v.lng });
    for (const item of Object.values(v)) pointsIn(item, found);
  }
  return found;
}

/** Coordinates written in text ("52.123456, 13.123456" or "52.123456;13.123456"). */
function pointsInText(text: string): LatLng[] {
  return [...text.replace(/\r\n /g, '').matchAll(/(-?\d{1,2}\.\d{3,})\s*[,;]\s*(-?\d{1,3}\.\d{3,})/g)].map((m) => ({
    lat: Number(m[1]),
    lng: Number(m[2]),
  }));
}

/** Nothing in the answer is nearer the exact point than the area's centre, nor names the address. */
function expectNoExact(body: string, points: LatLng[]): void {
  expect(body).not.toContain('Geheimweg');
  for (const point of points) expect(geodesicDistance(point, EXACT)).toBeGreaterThan(GAP - 1);
}

async function get(url: string, user?: TestUser) {
  const response = await t.app.inject({ url, headers: user?.auth ?? {} });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response;
}

async function setUp() {
  const host = await registerUser(t.app, 'Host');
  const outsider = await registerUser(t.app, 'Outsider');
  const home = await createPlace(t.app, host, EXACT, { name: 'Kim’s flat', address: ADDRESS, privateHome: true });
  const event = await createEvent(t.app, host, null, { placeId: home.id, title: 'Catan at Kim’s' });
  return { host, outsider, home, event };
}

describe('an approximate meetup', () => {
  it('defaults to approximate at a private home, and its host sees the exact point and address', async () => {
    expect(geodesicDistance(coarsen(EXACT), AREA)).toBeLessThan(0.5);
    const { host, home, event } = await setUp();
    expect(event).toMatchObject({ locationPrivacy: 'approximate', locationPrecisionMeters: null });
    expect(geodesicDistance(event.location, EXACT)).toBeLessThan(0.5);
    expect(event.place).toMatchObject({ id: home.id, address: ADDRESS });
    const place = (await get(`/api/places/${home.id}`, host)).json();
    expect(place).toMatchObject({ address: ADDRESS, privateHome: true, locationPrecisionMeters: null });
  });

  it('shows outsiders only the area in every route', async () => {
    const { outsider, home, event } = await setUp();
    const vantage = destination(AREA, 200, 900);
    const q = `lat=${vantage.lat}&lng=${vantage.lng}`;
    for (const viewer of [undefined, outsider]) {
      const one = await get(`/api/events/${event.id}`, viewer);
      expect(one.json()).toMatchObject({ place: null, locationPrecisionMeters: COARSEN_METERS });
      expect(geodesicDistance(one.json().location, AREA)).toBeLessThan(0.5);
      expectNoExact(one.body, pointsIn(one.json()));

      const urls = [
        `/api/events?${q}&radius=3000`,
        `/api/events?${q}&radius=3000&order=soonest`,
        `/api/nearby?${q}&radius=3000`,
        `/api/nearby?${q}&radius=3000&kinds=event`,
        `/api/nearby?${q}&radius=3000&kinds=place`,
        `/api/places?${q}&radius=3000`,
        `/api/feed?${q}&radius=3000`,
        `/api/map?bbox=13.38,52.51,13.43,52.53&zoom=18`,
        `/api/map?bbox=13.38,52.51,13.43,52.53&zoom=12`,
        `/api/places/${home.id}`,
      ];
      for (const url of urls) {
        const response = await get(url, viewer);
        const points = pointsIn(response.json());
        expect(points.length, url).toBeGreaterThan(0);
        expectNoExact(response.body, points);
      }
      const listed = (await get(`/api/events?${q}&radius=3000`, viewer)).json().features[0];
      expect(listed.properties.distanceMeters).toBeCloseTo(geodesicDistance(vantage, AREA), 0);

      for (const url of [`/api/events/${event.id}/calendar.ics`, `/api/calendar.ics?${q}&radius=3000`]) {
        const response = await get(url, viewer);
        expect(response.body).toContain('BEGIN:VEVENT');
        const points = pointsInText(response.body);
        expect(points.length, url).toBeGreaterThan(0);
        expectNoExact(response.body, points);
      }
    }
  });

  it('flips for a person the moment they go, and back when they leave; the waitlist stays outside', async () => {
    const { host, outsider } = await setUp();
    const home = await createPlace(t.app, host, EXACT, { address: ADDRESS, privateHome: true });
    const event = await createEvent(t.app, host, null, { placeId: home.id, capacity: 1 });
    const guest = await registerUser(t.app, 'Guest');
    const vantage = destination(AREA, 10, 700);
    const seen = async (user: TestUser) => {
      const one = (await get(`/api/events/${event.id}`, user)).json();
      const listed = (await get(`/api/events?lat=${vantage.lat}&lng=${vantage.lng}&radius=2000`, user)).json();
      const ics = (await get(`/api/events/${event.id}/calendar.ics`, user)).body;
      return { one, listed: listed.features.find((f: { id: string }) => f.id === `event:${event.id}`), ics };
    };

    expect((await rsvp(t.app, guest, event.id, 'going')).json().status).toBe('going');
    const going = await seen(guest);
    expect(geodesicDistance(going.one.location, EXACT)).toBeLessThan(0.5);
    expect(going.one.place.address).toBe(ADDRESS);
    expect(geodesicDistance(going.listed.properties.location, EXACT)).toBeLessThan(0.5);
    // Lists rank by the area for everyone, so the order never depends on who asks.
    expect(going.listed.properties.distanceMeters).toBeCloseTo(geodesicDistance(vantage, AREA), 0);
    expect(going.ics).toContain('Geheimweg');

    expect((await rsvp(t.app, outsider, event.id, 'going')).json().status).toBe('waitlisted');
    const waiting = await seen(outsider);
    expect(waiting.one.place).toBeNull();
    expectNoExact(JSON.stringify(waiting.one), pointsIn(waiting.one));
    expectNoExact(waiting.ics, pointsInText(waiting.ics));

    await rsvp(t.app, guest, event.id, 'not_going');
    const promoted = await seen(outsider);
    expect(promoted.one.myRsvp.status).toBe('going');
    expect(promoted.one.place.address).toBe(ADDRESS);
    const left = await seen(guest);
    expect(left.one.place).toBeNull();
    expectNoExact(JSON.stringify(left.one), pointsIn(left.one));
  });

  it('tells outsiders of a move only by the area', async () => {
    const host = await registerUser(t.app);
    const guest = await registerUser(t.app);
    const waiting = await registerUser(t.app);
    const event = await createEvent(t.app, host, EXACT, { locationPrivacy: 'approximate', capacity: 1 });
    await rsvp(t.app, guest, event.id, 'going');
    await rsvp(t.app, waiting, event.id, 'going');
    const moved = destination(EXACT, 90, 1500);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: host.auth,
      payload: { location: moved },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const inbox = (await get('/api/notifications', waiting)).json();
    const changed = inbox.items.find((item: { kind: string }) => item.kind === 'event_changed');
    expect(changed).toBeDefined();
    const points = pointsInText(changed.text);
    expect(points.length).toBe(2);
    for (const point of points) {
      expect(Math.min(geodesicDistance(point, coarsen(EXACT)), geodesicDistance(point, coarsen(moved)))).toBeLessThan(
        10,
      );
    }
    expect(geodesicDistance(points[1]!, moved)).toBeGreaterThan(20);
  });
});

describe('recovering the exact point as an outsider', () => {
  /** The smallest radius (to 0.25 m) at which the meetup is listed from `from`. */
  async function edge(url: (radius: number) => string, id: string): Promise<number> {
    let low = 1;
    let high = 5000;
    while (high - low > 0.25) {
      const mid = (low + high) / 2;
      const features = (await get(url(mid))).json().features as Array<{ id: string }>;
      if (features.some((f) => f.id === id)) high = mid;
      else low = mid;
    }
    return high;
  }

  it('learns nothing finer than the grid from radius edges, distances, order and cursors', async () => {
    const { event } = await setUp();
    const id = `event:${event.id}`;
    const vantages = [0, 60, 135, 200, 290, 330].map((azimuth, i) => destination(AREA, azimuth, 400 + i * 350));

    const measured: Array<{ from: LatLng; distance: number }> = [];
    for (const from of vantages) {
      const q = `lat=${from.lat}&lng=${from.lng}`;
      const byNearby = await edge((r) => `/api/nearby?${q}&radius=${r}&kinds=event`, id);
      const byEvents = await edge((r) => `/api/events?${q}&radius=${r}`, id);
      const listed = (await get(`/api/nearby?${q}&radius=5000`))
        .json()
        .features.find((f: { id: string }) => f.id === id);
      for (const distance of [byNearby, byEvents, listed.properties.distanceMeters as number]) {
        expect(Math.abs(distance - geodesicDistance(from, AREA))).toBeLessThan(1);
        measured.push({ from, distance });
      }
    }

    // The best fit of every measurement is the area's centre, not the exact point.
    let best = { point: AREA, error: Infinity };
    for (let north = -300; north <= 300; north += 5) {
      for (let east = -300; east <= 300; east += 5) {
        const point = destination(destination(AREA, 0, north), 90, east);
        const error = measured.reduce((sum, m) => sum + (geodesicDistance(m.from, point) - m.distance) ** 2, 0);
        if (error < best.error) best = { point, error };
      }
    }
    expect(geodesicDistance(best.point, AREA)).toBeLessThan(5);
    expect(geodesicDistance(best.point, EXACT)).toBeGreaterThan(GAP - 5);
  });

  it('orders and pages by the area: meetups between the exact and the public distance stay on the area’s side', async () => {
    const { host, event } = await setUp();
    // Seen from the north-east, the exact point is nearer than the area's centre.
    const from = destination(AREA, 40, 1200);
    const exactDistance = geodesicDistance(from, EXACT);
    const areaDistance = geodesicDistance(from, AREA);
    expect(areaDistance - exactDistance).toBeGreaterThan(150);
    const markers: number[] = [];
    for (const fraction of [0.25, 0.5, 0.75]) {
      const at = destination(from, 220, exactDistance + (areaDistance - exactDistance) * fraction);
      markers.push((await createEvent(t.app, host, at, { startsAt: fromNow(DAY), endsAt: fromNow(DAY + HOUR) })).id);
    }
    const q = `lat=${from.lat}&lng=${from.lng}&radius=3000`;
    for (const base of [`/api/events?${q}`, `/api/nearby?${q}&kinds=event`, `/api/nearby?${q}`]) {
      const order: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { features: Array<{ id: string }>; nextCursor: string | null } = (
          await get(`${base}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        ).json();
        order.push(...page.features.map((f: { id: string }) => f.id));
        cursor = page.nextCursor;
      } while (cursor);
      const wanted = [...markers.map((m) => `event:${m}`), `event:${event.id}`];
      expect(
        order.filter((item) => wanted.includes(item)),
        base,
      ).toEqual(wanted);
    }
  });
});
