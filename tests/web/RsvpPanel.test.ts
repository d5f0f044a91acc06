import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { Me } from '../../web/src/lib/api/accounts';
import type { Meetup } from '../../web/src/lib/api/events';
import { session } from '../../web/src/lib/session.svelte';
import RsvpPanel from '../../web/src/lib/components/RsvpPanel.svelte';
import { stubApi } from './helpers';

const ME: Me = { id: 7, email: 'robin@example.org', displayName: 'Robin', bio: '', homeLocation: null, createdAt: '' };

function meetup(overrides: Partial<Meetup> = {}): Meetup {
  const start = Date.now() + 86_400_000;
  return {
    id: 4,
    title: 'Catan Tuesday',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * 3600_000).toISOString(),
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
    description: '',
    descriptionHtml: '',
    media: [],
    ...overrides,
  };
}

afterEach(() => {
  session.user = null;
  vi.unstubAllGlobals();
});

describe('RsvpPanel', () => {
  it('says how many seats are left', () => {
    render(RsvpPanel, { meetup: meetup(), onanswer: vi.fn() });
    expect(screen.getByText('5 seats left of 8. 3 going.')).toBeTruthy();
  });

  it('says when there is no limit', () => {
    render(RsvpPanel, { meetup: meetup({ capacity: null, seatsLeft: null, going: 1 }), onanswer: vi.fn() });
    expect(screen.getByText('1 person going. No seat limit.')).toBeTruthy();
  });

  it('asks people who are not signed in to sign in', () => {
    render(RsvpPanel, { meetup: meetup(), onanswer: vi.fn() });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('offers the waitlist when full, and reports the position the server gives', async () => {
    session.user = ME;
    const { requests } = stubApi(() => ({
      body: { status: 'waitlisted', waitlistPosition: 3, going: 8, waitlisted: 3, seatsLeft: 0 },
    }));
    const onanswer = vi.fn();
    render(RsvpPanel, { meetup: meetup({ going: 8, seatsLeft: 0, waitlisted: 2 }), onanswer });
    expect(screen.getByText('Full: all 8 seats are taken. 2 people on the waitlist.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Join the waitlist' }));
    await waitFor(() => expect(onanswer).toHaveBeenCalledWith(expect.objectContaining({ waitlistPosition: 3 })));
    expect(requests[0]).toMatchObject({ method: 'PUT', path: '/api/events/4/rsvp', body: { status: 'going' } });
    expect(screen.getByRole('status').textContent).toBe('You are on the waitlist, position 3.');
  });

  it('shows your place on the waitlist and lets you leave it', () => {
    session.user = ME;
    render(RsvpPanel, {
      meetup: meetup({ seatsLeft: 0, going: 8, waitlisted: 1, myRsvp: { status: 'waitlisted', waitlistPosition: 1 } }),
      onanswer: vi.fn(),
    });
    expect(screen.getByText(/You are on the waitlist, next in line \(position 1\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Leave the waitlist' })).toBeTruthy();
  });

  it('takes no answers for a cancelled meetup', () => {
    session.user = ME;
    render(RsvpPanel, { meetup: meetup({ status: 'cancelled' }), onanswer: vi.fn() });
    expect(screen.getByText(/was cancelled/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps keyboard focus in the panel when the answer replaces the button pressed', async () => {
    session.user = ME;
    stubApi(() => ({ body: { status: 'going', waitlistPosition: null, going: 4, waitlisted: 0, seatsLeft: 4 } }));
    const before = meetup();
    // The page answers by giving the panel the changed meetup, as EventPage does.
    const view = render(RsvpPanel, {
      meetup: before,
      onanswer: (answer: { going: number; seatsLeft: number | null }) =>
        void view.rerender({
          meetup: {
            ...before,
            going: answer.going,
            seatsLeft: answer.seatsLeft,
            myRsvp: { status: 'going', waitlistPosition: null },
          },
        }),
    });
    const going = screen.getByRole('button', { name: 'I’m going' });
    going.focus();
    await fireEvent.click(going);
    const undo = await screen.findByRole('button', { name: 'I can’t go after all' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
  });

  it('shows the server’s refusal', async () => {
    session.user = ME;
    stubApi(() => ({ status: 409, body: { error: { code: 'event_past', message: 'This meetup is over.' } } }));
    render(RsvpPanel, { meetup: meetup(), onanswer: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'I’m going' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This meetup is over.'));
  });
});
