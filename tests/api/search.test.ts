import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent } from '../helpers/events.js';
import { destination } from '../helpers/geo.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { createPost } from '../helpers/posts.js';
import { createUsers, type TestUser } from '../helpers/users.js';

const t = useTestApp();
// Somewhere no other test puts anything.
const here = { lat: 47.2692, lng: 11.4041 };

interface Found {
  features: Array<{
    id: string;
    properties: {
      kind: string;
      itemId: number;
      name: string;
      distanceMeters: number;
      ranking: { why: string; score: number; textScore: number };
    };
  }>;
}

async function find(q: string, extra = '', user?: TestUser): Promise<Found> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/search?q=${encodeURIComponent(q)}&lat=${here.lat}&lng=${here.lng}&radius=20000${extra}`,
    headers: user?.auth ?? {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const names = (found: Found) => found.features.map((feature) => feature.properties.name);

describe('GET /api/search', () => {
  it('ignores accents and case, and finds German and English word forms', async () => {
    const [user] = (await createUsers(t.app, t.db, 1)) as [TestUser];
    await createPlace(t.app, user, destination(here, 90, 300), {
      name: 'Café Würfelwerk',
      description: 'Brettspiele und Kuchen',
    });
    await createGroup(t.app, user, destination(here, 180, 500), {
      name: 'Innsbruck Tabletop',
      description: 'We play board games on Fridays.',
    });

    expect(names(await find('cafe wurfelwerk'))).toEqual(['Café Würfelwerk']);
    expect(names(await find('WÜRFELWERK'))).toEqual(['Café Würfelwerk']);
    // A German plural finds its stem, an English singular its plural.
    expect(names(await find('Brettspiel'))).toEqual(['Café Würfelwerk']);
    expect(names(await find('board game'))).toEqual(['Innsbruck Tabletop']);
    // A slightly misspelt name still matches.
    expect(names(await find('Wurfelwerck'))).toContain('Café Würfelwerk');
    // The place kind is searchable.
    expect(names(await find('cafe', '&kinds=place'))).toContain('Café Würfelwerk');
  });

  it('ranks a name match nearby above the same match far away, and says why', async () => {
    const [user] = (await createUsers(t.app, t.db, 1)) as [TestUser];
    await createPlace(t.app, user, destination(here, 0, 8000), { name: 'Zwölfseiter Far' });
    await createPlace(t.app, user, destination(here, 0, 400), { name: 'Zwölfseiter Near' });
    await createPlace(t.app, user, destination(here, 0, 200), {
      name: 'Quiet corner',
      description: 'Sometimes zwölfseiter dice are rolled here.',
    });
    const found = await find('zwolfseiter');
    expect(names(found)).toEqual(['Zwölfseiter Near', 'Zwölfseiter Far', 'Quiet corner']);
    const first = found.features[0]!.properties;
    expect(first.ranking.why).toBe('Name matches · 400 m away');
    expect(found.features[2]!.properties.ranking.why).toMatch(/^Description matches · /);
    const scores = found.features.map((feature) => feature.properties.ranking.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Outside the radius is not found.
    const narrow = await t.app.inject({
      url: `/api/search?q=zwolfseiter&lat=${here.lat}&lng=${here.lng}&radius=1000`,
    });
    expect(narrow.json().features.map((feature: Found['features'][0]) => feature.properties.name)).not.toContain(
      'Zwölfseiter Far',
    );
  });

  it('never shows a private group’s meetups or posts to those outside it', async () => {
    const [owner, stranger] = (await createUsers(t.app, t.db, 2)) as [TestUser, TestUser];
    const group = await createGroup(t.app, owner, here, { name: 'Hidden Circle', visibility: 'private' });
    await createEvent(t.app, owner, here, { title: 'Geheimabend Quixotic', groupId: group.id });
    await createPost(t.app, owner, { groupId: group.id, title: 'Quixotic notes', body: 'For members.' });

    const outside = await find('quixotic', '', stranger);
    expect(outside.features).toEqual([]);
    expect((await find('quixotic')).features).toEqual([]);
    const inside = await find('quixotic', '', owner);
    expect(names(inside).sort()).toEqual(['Geheimabend Quixotic', 'Quixotic notes']);
    // The group itself is listed, at its coarse point only, for outsiders.
    const groupFound = await find('hidden circle', '', stranger);
    expect(names(groupFound)).toEqual(['Hidden Circle']);
    const [lng, lat] = (groupFound.features[0] as unknown as { geometry: { coordinates: [number, number] } }).geometry
      .coordinates;
    expect(lat === here.lat && lng === here.lng).toBe(false);
  });

  it('refuses bad input with a clear error', async () => {
    for (const url of [
      `/api/search?lat=${here.lat}&lng=${here.lng}`,
      `/api/search?q=%20&lat=${here.lat}&lng=${here.lng}`,
      `/api/search?q=x&lat=91&lng=0`,
      `/api/search?q=x&lat=0&lng=0&kinds=towns`,
    ]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBeTypeOf('string');
    }
  });
});
