/** The games list: search, add once per name, and the games meetups play and groups and places own. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent } from '../helpers/events.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { setRole } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const spot = { lat: 52.4986, lng: 13.4213 };

async function addGame(user: TestUser, game: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/games', headers: user.auth, payload: game });
}

describe('the games list', () => {
  it('adds games once per name and finds them by part of the name, prefixes first', async () => {
    const user = await registerUser(t.app);
    const catan = await addGame(user, { name: 'Catan', minPlayers: 3, maxPlayers: 4, playMinutes: 90 });
    expect(catan.statusCode, catan.body).toBe(201);
    expect(catan.json()).toMatchObject({ name: 'Catan', minPlayers: 3, maxPlayers: 4, playMinutes: 90 });
    expect((await addGame(user, { name: 'Scythe' })).statusCode).toBe(201);
    expect((await addGame(user, { name: 'Catacombs' })).statusCode).toBe(201);
    const again = await addGame(user, { name: '  catan ' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('game_exists');
    expect((await addGame(user, { name: 'Odd', minPlayers: 5, maxPlayers: 2 })).statusCode).toBe(400);

    const found = (await t.app.inject('/api/games?q=CAT')).json().games.map((g: { name: string }) => g.name);
    expect(found).toEqual(['Catacombs', 'Catan']);
    const inner = (await t.app.inject('/api/games?q=yth')).json().games.map((g: { name: string }) => g.name);
    expect(inner).toEqual(['Scythe']);
    expect((await t.app.inject('/api/games?q=100%25')).json().games).toEqual([]);
  });

  it('links a meetup’s games, adding their names to its games', async () => {
    const user = await registerUser(t.app);
    const azul = (await addGame(user, { name: 'Azul', minPlayers: 2, maxPlayers: 4 })).json();
    const event = await createEvent(t.app, user, spot, { gameIds: [azul.id], games: ['House rules'] });
    expect(event.games).toEqual(['Azul', 'House rules']);
    expect(event.linkedGames).toMatchObject([{ id: azul.id, name: 'Azul' }]);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: user.auth,
      payload: { gameIds: [999999] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lets a group’s organizers and a place’s creator set the games they own', async () => {
    const owner = await registerUser(t.app);
    const member = await registerUser(t.app);
    const outsider = await registerUser(t.app);
    const wingspan = (await addGame(owner, { name: 'Wingspan' })).json();
    const group = await createGroup(t.app, owner, spot, { visibility: 'private' });
    await setRole(t.db, group.id, member.id, 'member');
    const put = (user: TestUser, url: string) =>
      t.app.inject({ method: 'PUT', url, headers: user.auth, payload: { gameIds: [wingspan.id] } });
    expect((await put(member, `/api/groups/${group.id}/games`)).statusCode).toBe(403);
    const set = await put(owner, `/api/groups/${group.id}/games`);
    expect(set.statusCode, set.body).toBe(200);
    const asMember = await t.app.inject({ url: `/api/groups/${group.id}/games`, headers: member.auth });
    expect(asMember.json().games.map((g: { name: string }) => g.name)).toEqual(['Wingspan']);
    const asOutsider = await t.app.inject({ url: `/api/groups/${group.id}/games`, headers: outsider.auth });
    expect(asOutsider.statusCode).toBe(404);

    const place = await createPlace(t.app, owner, spot);
    expect((await put(outsider, `/api/places/${place.id}/games`)).statusCode).toBe(403);
    expect((await put(owner, `/api/places/${place.id}/games`)).statusCode).toBe(200);
    expect((await t.app.inject(`/api/places/${place.id}/games`)).json().games).toHaveLength(1);
  });
});
