import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDistance, formatPlaceKind, plural } from '../../web/src/lib/format';

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
