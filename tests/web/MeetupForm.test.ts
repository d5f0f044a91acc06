import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import MeetupForm from '../../web/src/lib/components/MeetupForm.svelte';
import { stubApi, validationError, type Handler } from './helpers';

vi.mock('../../web/src/lib/components/MapView.svelte', async () => import('./stubs/MapViewStub.svelte'));

const CONFIG: Handler = (request) =>
  request.path === '/api/config'
    ? {
        body: {
          mapCenter: { lat: 52.4986, lng: 13.4213 },
          zoom: 14,
          tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png',
          tileAttribution: '',
          addressSearch: false,
        },
      }
    : undefined;

const PLACES: Handler = (request) =>
  request.path === '/api/places'
    ? {
        body: {
          type: 'FeatureCollection',
          nextCursor: null,
          features: [
            {
              type: 'Feature',
              id: 'place:5',
              geometry: { type: 'Point', coordinates: [13.4308, 52.4868] },
              properties: { kind: 'place', itemId: 5, name: 'Reuterkiez Rösterei', distanceMeters: 350 },
            },
          ],
        },
      }
    : undefined;

const CATAN = { id: 3, name: 'Catan', minPlayers: 3, maxPlayers: 4, playMinutes: 60 };

/** The games list: Catan is in it; anything else can be added (as id 9). */
const GAMES: Handler = (request) => {
  if (request.path !== '/api/games') return undefined;
  if (request.method === 'POST')
    return {
      status: 201,
      body: { id: 9, minPlayers: null, maxPlayers: null, playMinutes: null, ...(request.body as object) },
    };
  const q = request.query.get('q')!.toLowerCase();
  return { body: { games: 'catan'.includes(q) ? [CATAN] : [] } };
};

function created(request: { body: unknown }) {
  return { status: 201, body: { id: 77, ...(request.body as object) } };
}

beforeEach(() => {
  window.localStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fill(label: string, value: string) {
  const field = screen.getByLabelText(label);
  await fireEvent.input(field, { target: { value } });
  await fireEvent.change(field, { target: { value } });
}

describe('MeetupForm', () => {
  it('starts on the browser’s time zone and proposes a two-hour meetup', async () => {
    stubApi(CONFIG, PLACES);
    render(MeetupForm, { onsaved: vi.fn() });
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    await fill('Starts', '2026-12-05T19:00');
    expect((screen.getByLabelText('Ends') as HTMLInputElement).value).toBe('2026-12-05T21:00');
  });

  it('marks every missing detail next to its field, without asking the server', async () => {
    const { requests } = stubApi(CONFIG, PLACES);
    render(MeetupForm, { onsaved: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Create meetup' }));
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Give the meetup a title.')).toBeTruthy();
    expect(screen.getByText('Choose the date and time it starts.')).toBeTruthy();
    expect(screen.getByText('Click the map where the meetup is.')).toBeTruthy();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('sends the times with the chosen zone’s offset and the point clicked on the map', async () => {
    const { requests } = stubApi(CONFIG, PLACES, GAMES, (request) =>
      request.method === 'POST' && request.path === '/api/events' ? created(request) : undefined,
    );
    const onsaved = vi.fn();
    render(MeetupForm, { onsaved });
    await fill('Title', 'Catan by the canal');
    await fill('Starts', '2026-12-05T19:00');
    await fill('Time zone', 'America/New_York');
    await fill('Seats (optional)', '6');
    // One game found in the list as the name is typed, one added to it.
    await fill('Find a game', 'cat');
    await fireEvent.click(await screen.findByRole('button', { name: /^Add Catan/ }));
    await fill('Find a game', 'Azul');
    await fireEvent.click(await screen.findByRole('button', { name: 'Add “Azul” as a new game…' }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Azul');
    await fill('Fewest players', '2');
    await fill('Most players', '4');
    await fill('Play time (minutes)', '45');
    await fireEvent.click(screen.getByRole('button', { name: 'Add to the list and choose it' }));
    const chosen = await screen.findByRole('list', { name: 'Chosen games' });
    await waitFor(() => expect(chosen.textContent).toContain('Azul'));
    expect(chosen.textContent).toContain('3–4 players · 60 min');
    expect(chosen.textContent).toContain('2–4 players · 45 min');
    await fireEvent.click(await screen.findByRole('button', { name: 'Click the map at 52.5, 13.4' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Create meetup' }));

    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const sent = requests.find((request) => request.method === 'POST' && request.path === '/api/events')!.body;
    expect(sent).toEqual({
      title: 'Catan by the canal',
      startsAt: '2026-12-05T19:00:00-05:00',
      endsAt: '2026-12-05T21:00:00-05:00',
      timeZone: 'America/New_York',
      location: { lat: 52.5, lng: 13.4 },
      capacity: 6,
      gameIds: [3, 9],
      locationPrivacy: 'exact',
    });
    expect(requests.find((request) => request.method === 'POST' && request.path === '/api/games')!.body).toEqual({
      name: 'Azul',
      minPlayers: 2,
      maxPlayers: 4,
      playMinutes: 45,
    });
  });

  it('picks a place from the list of places near the map', async () => {
    const { requests } = stubApi(CONFIG, PLACES, (request) =>
      request.method === 'POST' && request.path === '/api/events' ? created(request) : undefined,
    );
    const onsaved = vi.fn();
    render(MeetupForm, { onsaved, group: { id: 2, name: 'Catan Crew' } });
    await fireEvent.click(screen.getByLabelText('At a place'));
    const place = (await screen.findByLabelText('Place')) as HTMLSelectElement;
    await waitFor(() => expect(place.options).toHaveLength(2));
    expect(place.options[1]!.textContent?.trim()).toBe('Reuterkiez Rösterei (350 m)');
    await fireEvent.change(place, { target: { value: '5' } });
    await fill('Title', 'Seafarers night');
    await fill('Starts', '2026-12-05T19:00');
    await fireEvent.click(screen.getByRole('button', { name: 'Create meetup' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const sent = requests.find((request) => request.method === 'POST')!.body as Record<string, unknown>;
    expect(sent.placeId).toBe(5);
    expect(sent.groupId).toBe(2);
    expect(sent.location).toBeUndefined();
  });

  it('keeps the address for people going at a place that is a private home, unless turned off', async () => {
    const { requests } = stubApi(
      CONFIG,
      PLACES,
      (request) =>
        request.path === '/api/places/5'
          ? {
              body: { id: 5, name: 'Reuterkiez Rösterei', privateHome: true, location: { lat: 52.4868, lng: 13.4308 } },
            }
          : undefined,
      (request) => (request.method === 'POST' && request.path === '/api/events' ? created(request) : undefined),
    );
    const onsaved = vi.fn();
    render(MeetupForm, { onsaved });
    const exactOnlyForGoing = screen.getByLabelText('Exact address only for people going') as HTMLInputElement;
    expect(exactOnlyForGoing.checked).toBe(false);
    await fireEvent.click(screen.getByLabelText('At a place'));
    const place = (await screen.findByLabelText('Place')) as HTMLSelectElement;
    await waitFor(() => expect(place.options).toHaveLength(2));
    await fireEvent.change(place, { target: { value: '5' } });
    await waitFor(() => expect(exactOnlyForGoing.checked).toBe(true));
    expect(screen.getByText(/The chosen place is a private home/)).toBeTruthy();
    await fill('Title', 'Living-room Azul');
    await fill('Starts', '2026-12-05T19:00');
    await fill('Players needed (optional)', '4');
    await fireEvent.click(screen.getByRole('button', { name: 'Create meetup' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const sent = requests.find((request) => request.method === 'POST')!.body as Record<string, unknown>;
    expect(sent.locationPrivacy).toBe('approximate');
    expect(sent.minPlayers).toBe(4);

    // The organizer's own choice wins over the place's.
    await fireEvent.click(exactOnlyForGoing);
    expect(exactOnlyForGoing.checked).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Create meetup' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(2));
    const again = requests.filter((request) => request.method === 'POST').at(-1)!.body as Record<string, unknown>;
    expect(again.locationPrivacy).toBe('exact');
  });

  it('changes a meetup’s games: list games by id, older names kept until removed', async () => {
    const { requests } = stubApi(CONFIG, PLACES, GAMES, (request) =>
      request.method === 'PATCH' ? { body: { ...(request.body as object) } } : undefined,
    );
    const onsaved = vi.fn();
    const existing = {
      id: 12,
      title: 'Game night',
      description: '',
      startsAt: '2026-12-05T19:00:00+01:00',
      endsAt: '2026-12-05T21:00:00+01:00',
      timeZone: 'Europe/Berlin',
      location: { lat: 52.5, lng: 13.4 },
      locationPrivacy: 'approximate',
      place: null,
      capacity: null,
      games: ['Catan', 'Kites'],
      linkedGames: [CATAN],
      minPlayers: 4,
      onShortfall: 'keep',
      media: [],
    };
    render(MeetupForm, { onsaved, existing: existing as never });
    const chosen = screen.getByRole('list', { name: 'Chosen games' });
    expect(chosen.textContent).toContain('Catan');
    expect(chosen.textContent).toContain('not in the games list');
    expect((screen.getByLabelText('Exact address only for people going') as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Kites' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const sent = requests.find((request) => request.method === 'PATCH')!.body as Record<string, unknown>;
    expect(sent.gameIds).toEqual([3]);
    expect(sent.games).toEqual([]);
    expect(sent.locationPrivacy).toBe('approximate');
  });

  it('shows a meetup’s players deadline as hours before it, and sends it only when it changed', async () => {
    const { requests } = stubApi(CONFIG, PLACES, (request) =>
      request.method === 'PATCH' ? { body: { ...(request.body as object) } } : undefined,
    );
    const onsaved = vi.fn();
    const existing = {
      id: 13,
      title: 'Needs four',
      description: '',
      startsAt: '2026-12-05T19:00:00+01:00',
      endsAt: '2026-12-05T21:00:00+01:00',
      playersDeadline: '2026-12-04T19:00:00+01:00',
      timeZone: 'Europe/Berlin',
      location: { lat: 52.5, lng: 13.4 },
      locationPrivacy: 'exact',
      place: null,
      capacity: null,
      games: [],
      linkedGames: [],
      minPlayers: 4,
      onShortfall: 'cancel',
      media: [],
    };
    render(MeetupForm, { onsaved, existing: existing as never });
    expect((screen.getByLabelText('Decide this many hours before (optional)') as HTMLInputElement).value).toBe('24');
    expect((screen.getByLabelText('If still short') as HTMLSelectElement).value).toBe('cancel');
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    const first = requests.filter((request) => request.method === 'PATCH')[0]!.body as Record<string, unknown>;
    expect(first).toMatchObject({ minPlayers: 4, onShortfall: 'cancel' });
    expect('decideHoursBefore' in first).toBe(false);

    // No minimum any more: the deadline goes with it.
    await fill('Players needed (optional)', '');
    await fill('Decide this many hours before (optional)', '');
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(2));
    const second = requests.filter((request) => request.method === 'PATCH')[1]!.body as Record<string, unknown>;
    expect(second.minPlayers).toBeNull();
    expect('decideHoursBefore' in second).toBe(false);
  });

  it('shows the server’s objection next to the field it concerns', async () => {
    stubApi(CONFIG, PLACES, (request) =>
      request.method === 'POST'
        ? validationError('endsAt must be in the future', [{ field: 'endsAt', message: 'must be in the future' }])
        : undefined,
    );
    render(MeetupForm, { onsaved: vi.fn() });
    await fill('Title', 'Too late');
    await fill('Starts', '2020-05-01T15:00');
    await fireEvent.click(await screen.findByRole('button', { name: 'Click the map at 52.5, 13.4' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Create meetup' }));
    const ends = screen.getByLabelText('Ends');
    await waitFor(() => expect(ends.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Must be in the future')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Check the field marked below.');
    await waitFor(() => expect(document.activeElement).toBe(ends));
  });

  it('sends every how many weeks a series repeats', async () => {
    const { requests } = stubApi(CONFIG, PLACES, (request) =>
      request.method === 'POST' && request.path === '/api/events' ? created(request) : undefined,
    );
    const onsaved = vi.fn();
    render(MeetupForm, { onsaved });
    await fill('Title', 'Board games');
    await fill('Starts', '2026-12-10T19:00');
    await fill('Time zone', 'Europe/Berlin');
    await fill('Repeat', 'weekly');
    await fill('Every how many weeks', '2');
    await fill('How many meetups in all', '6');
    await fireEvent.click(await screen.findByRole('button', { name: 'Click the map at 52.5, 13.4' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Create meetup' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const sent = requests.find((request) => request.method === 'POST')!.body as Record<string, unknown>;
    expect(sent.recurrence).toEqual({ freq: 'weekly', interval: 2, count: 6 });
  });

  it('asks which meetups of a series a change is for, and sends the choice', async () => {
    const { requests } = stubApi(CONFIG, PLACES, (request) =>
      request.method === 'PATCH' ? { body: { id: 9, ...(request.body as object) } } : undefined,
    );
    const onsaved = vi.fn();
    const existing = {
      id: 9,
      title: 'Board games',
      description: '',
      startsAt: '2026-12-10T19:00:00+01:00',
      endsAt: '2026-12-10T21:00:00+01:00',
      timeZone: 'Europe/Berlin',
      location: { lat: 52.5, lng: 13.4 },
      locationPrivacy: 'exact',
      place: null,
      capacity: null,
      games: [],
      minPlayers: null,
      onShortfall: 'keep',
      media: [],
      series: { id: 3, freq: 'weekly', interval: 2, rule: 'every 2 weeks', index: 2, count: 6, upcoming: 5 },
    };
    render(MeetupForm, { onsaved, existing: existing as never });
    const scope = screen.getByRole('group', { name: 'Which meetups of the series (every 2 weeks) to change' });
    expect((screen.getByLabelText('Only this one') as HTMLInputElement).checked).toBe(true);
    expect(scope).toBeTruthy();
    await fireEvent.click(screen.getByLabelText(/This one and all later ones/));
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const sent = requests.find((request) => request.method === 'PATCH')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ scope: 'following', startsAt: '2026-12-10T19:00:00+01:00' });
  });
});
