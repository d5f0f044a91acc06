/**
 * The meetup's page as people read it: its time on its own clock with the zone named and the
 * reader's own time beside it, its description as Markdown the server sanitized, and, for a
 * meetup that is not there, the way back and (signed out) the hint to sign in.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import type { Meetup } from '../../web/src/lib/api/events';
import { session } from '../../web/src/lib/session.svelte';
import EventPage from '../../web/src/pages/EventPage.svelte';
import MeetupTime from '../../web/src/lib/components/MeetupTime.svelte';
import { stubApi, type Handler } from './helpers';

vi.mock('../../web/src/lib/components/MapView.svelte', async () => import('./stubs/MapViewStub.svelte'));

const CONFIG: Handler = (request) =>
  request.path === '/api/config'
    ? {
        body: {
          mapCenter: { lat: 52.4986, lng: 13.4213 },
          zoom: 14,
          tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png',
          tileAttribution: '',
        },
      }
    : undefined;

const COMMENTS: Handler = (request) =>
  request.path === '/api/events/4/comments'
    ? { body: { comments: [], nextBranchCursor: null, total: 0, locked: false, pinned: null } }
    : undefined;

function meetup(overrides: Partial<Meetup> = {}): Meetup {
  return {
    id: 4,
    title: 'Catan Tuesday',
    startsAt: '2030-12-03T19:00:00+01:00',
    endsAt: '2030-12-03T22:00:00+01:00',
    timeZone: 'Europe/Berlin',
    location: { lat: 52.49, lng: 13.43 },
    locationPrivacy: 'exact',
    locationPrecisionMeters: null,
    place: null,
    group: null,
    organizer: { id: 1, displayName: 'Mia' },
    capacity: 8,
    going: 3,
    waitlisted: 0,
    seatsLeft: 5,
    games: [],
    linkedGames: [],
    minPlayers: null,
    needsPlayers: 0,
    playersDeadline: null,
    onShortfall: 'keep',
    status: 'scheduled',
    series: null,
    myRsvp: null,
    canEdit: false,
    url: '/events/4',
    calendarUrl: '/api/events/4/calendar.ics',
    createdAt: '',
    updatedAt: '',
    description: '**Bring** snacks',
    descriptionHtml: '<p><strong>Bring</strong> snacks</p>',
    media: [],
    ...overrides,
  };
}

afterEach(() => {
  session.user = null;
  vi.unstubAllGlobals();
});

describe('MeetupTime', () => {
  it('names the meetup’s zone and gives the reader’s own time when their clock differs', () => {
    render(MeetupTime, { meetup: meetup(), viewerZone: 'America/New_York' });
    const text = document.querySelector('.meetup-time')!.textContent!;
    expect(text).toMatch(/(19:00|07:00 PM)–(22:00|10:00 PM) Europe\/Berlin \(.+\) (13:00|01:00 PM) your time$/);
  });

  it('adds nothing for a reader on the same clock', () => {
    render(MeetupTime, { meetup: meetup(), viewerZone: 'Europe/Berlin' });
    const text = document.querySelector('.meetup-time')!.textContent!;
    expect(text).toMatch(/(19:00|07:00 PM)–(22:00|10:00 PM)$/);
    expect(text).not.toContain('Europe/Berlin');
    expect(text).not.toContain('your time');
  });

  it('on the meetup’s page always names the zone', () => {
    render(MeetupTime, { meetup: meetup(), viewerZone: 'Europe/Berlin', stacked: true });
    expect(document.querySelector('.meetup-time')!.textContent).toContain('Time zone: Europe/Berlin');
  });
});

describe('the meetup page', () => {
  it('renders the description as the server’s sanitized Markdown', async () => {
    stubApi(CONFIG, COMMENTS, (request) => (request.path === '/api/events/4' ? { body: meetup() } : undefined));
    render(EventPage, { id: 4 });
    await screen.findByRole('heading', { name: 'About this meetup' });
    const strong = document.querySelector('.description strong');
    expect(strong?.textContent).toBe('Bring');
    expect(document.body.textContent).not.toContain('**Bring**');
  });

  it('offers the way back, and tells a signed-out visitor to sign in, for a meetup it cannot show', async () => {
    stubApi(CONFIG, (request) =>
      request.path === '/api/events/4'
        ? { status: 404, body: { error: { code: 'not_found', message: 'This meetup was not found.' } } }
        : undefined,
    );
    render(EventPage, { id: 4 });
    await screen.findByRole('heading', { name: 'Not found' });
    expect(screen.getByText('This meetup was not found.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the map' }).getAttribute('href')).toBe('/');
    expect(screen.getByText(/only its members can see it/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('keeps “try again” for a failure that is not a missing meetup', async () => {
    stubApi((request) =>
      request.path === '/api/events/4'
        ? { status: 503, body: { error: { code: 'unavailable', message: 'The server is busy.' } } }
        : undefined,
    );
    render(EventPage, { id: 4 });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The server is busy.'));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
