import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  filtersFromQuery,
  filtersToQuery,
  itemFilterOf,
  kindsShown,
} from '../../web/src/lib/home-filters';
import { formatDistance, unitsForLanguage } from '../../web/src/lib/format';
import { RADIUS_CHOICES_METERS } from '../../web/src/lib/geo';

const defaults = defaultFilters(1000);

describe('the home page filters in the address', () => {
  it('round-trips every choice, and leaves defaults out of the link', () => {
    expect(filtersToQuery(defaults, defaults)).toEqual({});
    const chosen = {
      ...defaults,
      kinds: ['place' as const, 'event' as const],
      placeKind: 'cafe' as const,
      radiusMeters: 2000,
    };
    const query = filtersToQuery(chosen, defaults);
    expect(query).toEqual({ kinds: 'place,event', place: 'cafe', r: '2000' });
    expect(filtersFromQuery(new URLSearchParams(query).toString(), RADIUS_CHOICES_METERS, defaults)).toEqual(chosen);
    const meetups = { ...defaults, thisWeek: true, needsPlayers: true };
    expect(
      filtersFromQuery(
        new URLSearchParams(filtersToQuery(meetups, defaults)).toString(),
        RADIUS_CHOICES_METERS,
        defaults,
      ),
    ).toEqual(meetups);
  });

  it('ignores what it does not know', () => {
    expect(filtersFromQuery('place=castle&r=1234&week=yes&kinds=stars', RADIUS_CHOICES_METERS, defaults)).toEqual({
      ...defaults,
      kinds: [],
    });
  });

  it('asks the API for what the filters keep', () => {
    expect(itemFilterOf({ ...defaults, placeKind: 'game_store' })).toEqual({ placeKinds: ['game_store'] });
    expect(kindsShown({ ...defaults, placeKind: 'game_store' })).toEqual(['place']);
    expect(kindsShown({ ...defaults, thisWeek: true })).toEqual(['event']);
    expect(kindsShown(defaults)).toEqual(defaults.kinds);
  });
});

describe('distances in the reader’s units', () => {
  it('uses miles for US English only', () => {
    expect(unitsForLanguage('en-US')).toBe('imperial');
    expect(unitsForLanguage('en-GB')).toBe('metric');
    expect(unitsForLanguage('de-DE')).toBe('metric');
  });

  it.each([
    [50, '160 ft'],
    [402, '0.25 mi'],
    [805, '0.5 mi'],
    [1609, '1 mi'],
    [3219, '2 mi'],
    [24140, '15 mi'],
  ])('writes %d m as %s', (meters, text) => {
    expect(formatDistance(meters, 'imperial')).toBe(text);
  });
});
