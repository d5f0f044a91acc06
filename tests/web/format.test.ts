import { describe, expect, it } from 'vitest';
import {
  formatCoordinates,
  formatDateTime,
  formatDistance,
  formatGameFacts,
  formatPlaceKind,
  formatTimeRange,
  formatWritten,
  formatZone,
  meetupTime,
  meetupTimeLine,
  plural,
} from '../../web/src/lib/format';

describe('formatDistance', () => {
  it.each([
    [0, '0 m'],
    [7.4, '7 m'],
    [99.6, '100 m'],
    [354, '350 m'],
    [356, '360 m'],
    [994, '990 m'],
    [995, '1 km'],
    [1000, '1 km'],
    [1234, '1.2 km'],
    [9940, '9.9 km'],
    [9960, '10 km'],
    [12_345, '12 km'],
    [25_000, '25 km'],
  ])('shows %d metres as "%s"', (meters, expected) => {
    expect(formatDistance(meters)).toBe(expected);
  });

  it('shows nothing for distances that cannot be', () => {
    expect(formatDistance(-1)).toBe('');
    expect(formatDistance(Number.NaN)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows weekday, day, month and time in the given locale and zone', () => {
    const text = formatDateTime('2026-06-13T17:00:00Z', { locale: 'en-GB', timeZone: 'Europe/Berlin' });
    expect(text).toContain('Sat');
    expect(text).toContain('13 Jun');
    expect(text).toContain('19:00');
  });

  it('shows nothing for a date it cannot read', () => {
    expect(formatDateTime('not a date')).toBe('');
  });

  it('makes one formatter per locale, zone and style, however many dates it formats', () => {
    const Original = Intl.DateTimeFormat;
    let made = 0;
    class Counted extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        super(...args);
        made += 1;
      }
    }
    Intl.DateTimeFormat = Counted as typeof Intl.DateTimeFormat;
    try {
      const zones = ['Europe/Lisbon', 'Asia/Tokyo'];
      const texts = Array.from({ length: 50 }, (_, i) =>
        formatDateTime(`2026-12-${String(1 + (i % 28)).padStart(2, '0')}T18:00:00Z`, {
          locale: 'en-GB',
          timeZone: zones[i % 2],
        }),
      );
      expect(made).toBe(2);
      expect(texts[0]).toBe('Tue 1 Dec, 18:00');
      expect(texts[1]).toBe('Thu 3 Dec, 03:00');
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});

describe('formatPlaceKind', () => {
  it('spells known kinds properly and turns the rest into words', () => {
    expect(formatPlaceKind('cafe')).toBe('Café');
    expect(formatPlaceKind('game_store')).toBe('Game store');
    expect(formatPlaceKind('community_centre')).toBe('Community centre');
    expect(formatPlaceKind('climbing_gym')).toBe('Climbing gym');
  });
});

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(3, 'city', 'cities')).toBe('3 cities');
  });
});

describe('meetup times', () => {
  const gb = { locale: 'en-GB', timeZone: 'Europe/Berlin' };

  it('reads a meetup on the clock of its own zone, whatever the reader’s', () => {
    expect(formatTimeRange('2026-12-01T19:00:00+01:00', '2026-12-01T22:00:00+01:00', gb)).toBe(
      'Tue, 1 Dec 2026, 19:00–22:00',
    );
    expect(
      formatTimeRange('2026-12-01T19:00:00+01:00', '2026-12-01T22:00:00+01:00', {
        locale: 'en-GB',
        timeZone: 'America/New_York',
      }),
    ).toBe('Tue, 1 Dec 2026, 13:00–16:00');
  });

  it('gives the end its own date when it falls on another day', () => {
    expect(formatTimeRange('2026-12-01T22:00:00+01:00', '2026-12-02T01:00:00+01:00', gb)).toBe(
      'Tue, 1 Dec 2026, 22:00 – Wed, 2 Dec 2026, 01:00',
    );
  });

  it('names the zone, with its short name at that date', () => {
    expect(formatZone('Europe/Berlin', '2026-12-01T19:00:00+01:00', 'en-GB')).toBe('Europe/Berlin (CET)');
    expect(formatZone('Europe/Berlin', '2026-07-01T19:00:00+02:00', 'en-GB')).toBe('Europe/Berlin (CEST)');
    expect(formatZone('UTC', '2026-07-01T19:00:00Z', 'en-GB')).toBe('UTC');
  });

  it('shows when something was written, and coordinates with hemispheres', () => {
    expect(formatWritten('2026-11-28T09:52:55Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('28 Nov 2026, 09:52');
    expect(formatCoordinates({ lat: 52.4986, lng: -13.42134 })).toBe('52.49860° N, 13.42134° W');
  });
});

describe('formatGameFacts', () => {
  const game = (minPlayers: number | null, maxPlayers: number | null, playMinutes: number | null) => ({
    minPlayers,
    maxPlayers,
    playMinutes,
  });

  it('says how many play and for how long, with what is known', () => {
    expect(formatGameFacts(game(2, 4, 45))).toBe('2–4 players · 45 min');
    expect(formatGameFacts(game(1, 1, null))).toBe('1 player');
    expect(formatGameFacts(game(5, null, 30))).toBe('5+ players · 30 min');
    expect(formatGameFacts(game(null, 4, null))).toBe('up to 4 players');
    expect(formatGameFacts(game(null, null, 90))).toBe('90 min');
    expect(formatGameFacts(game(null, null, null))).toBe('');
  });
});

describe('meetupTime', () => {
  const berlin = {
    startsAt: '2026-12-01T19:00:00+01:00',
    endsAt: '2026-12-01T22:00:00+01:00',
    timeZone: 'Europe/Berlin',
  };

  it('writes the time on the meetup’s clock and adds nothing for a viewer whose clock agrees', () => {
    expect(meetupTime(berlin, { locale: 'en-GB', viewerZone: 'Europe/Berlin' })).toEqual({
      when: 'Tue, 1 Dec 2026, 19:00–22:00',
      zone: null,
      yours: null,
    });
    // Paris keeps Berlin's time: another name, the same clock.
    expect(meetupTime(berlin, { locale: 'en-GB', viewerZone: 'Europe/Paris' }).zone).toBeNull();
  });

  it('names the zone and gives the viewer’s own time when their clock differs', () => {
    expect(meetupTime(berlin, { locale: 'en-GB', viewerZone: 'America/New_York' })).toEqual({
      when: 'Tue, 1 Dec 2026, 19:00–22:00',
      zone: 'Europe/Berlin (CET)',
      yours: '13:00 your time',
    });
  });

  it('says the viewer’s day when it is another one there', () => {
    const tokyo = { startsAt: '2026-12-01T08:00:00+09:00', timeZone: 'Asia/Tokyo' };
    expect(meetupTime(tokyo, { locale: 'en-GB', viewerZone: 'Europe/London' }).yours).toBe(
      '23:00 your time (Mon 30 Nov)',
    );
    const late = { startsAt: '2026-12-01T23:30:00+01:00', timeZone: 'Europe/Berlin' };
    expect(meetupTime(late, { locale: 'en-GB', viewerZone: 'Asia/Tokyo' }).yours).toBe('07:30 your time (Wed 2 Dec)');
  });

  it('writes one line for lists and popups', () => {
    expect(meetupTimeLine(berlin, { locale: 'en-GB', viewerZone: 'America/New_York', startOnly: true })).toBe(
      'Tue 1 Dec, 19:00 Europe/Berlin (CET) · 13:00 your time',
    );
    expect(meetupTimeLine(berlin, { locale: 'en-GB', viewerZone: 'Europe/Berlin', startOnly: true })).toBe(
      'Tue 1 Dec, 19:00',
    );
  });

  it('reads a meetup without a known zone on the viewer’s clock, and an unreadable time as nothing', () => {
    expect(meetupTime({ startsAt: berlin.startsAt, timeZone: 'Nowhere/City' }, { viewerZone: 'UTC' }).zone).toBeNull();
    expect(meetupTime({ startsAt: 'not a date', timeZone: 'Europe/Berlin' }).when).toBe('');
  });
});
