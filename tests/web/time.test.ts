import { describe, expect, it } from 'vitest';
import {
  addMinutesToLocal,
  isoToLocalInput,
  timeZoneChoices,
  zonedToIso,
  zoneOffsetMinutes,
} from '../../web/src/lib/time';

describe('zonedToIso', () => {
  it.each([
    ['2026-12-01T19:00', 'Europe/Berlin', '2026-12-01T19:00:00+01:00'],
    ['2026-07-01T19:00', 'Europe/Berlin', '2026-07-01T19:00:00+02:00'],
    ['2026-12-01T19:00', 'America/New_York', '2026-12-01T19:00:00-05:00'],
    ['2026-12-01T19:00', 'Asia/Kolkata', '2026-12-01T19:00:00+05:30'],
    ['2026-12-01T00:30', 'Pacific/Chatham', '2026-12-01T00:30:00+13:45'],
    ['2026-12-01T19:00', 'UTC', '2026-12-01T19:00:00+00:00'],
  ])('reads %s on the clock of %s', (local, zone, iso) => {
    expect(zonedToIso(local, zone)).toBe(iso);
  });

  it('moves a time that the spring change skips forward by the jump', () => {
    expect(zonedToIso('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('takes the first of a time the autumn change repeats', () => {
    expect(zonedToIso('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00');
    expect(zonedToIso('2026-10-25T03:30', 'Europe/Berlin')).toBe('2026-10-25T03:30:00+01:00');
  });

  it.each(['', '2026-02-30T19:00', '2026-12-01', '2026-12-01T25:00', 'tomorrow'])('answers null for %j', (local) => {
    expect(zonedToIso(local, 'Europe/Berlin')).toBeNull();
  });
});

describe('other clock helpers', () => {
  it('knows the offset at an instant', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-480);
  });

  it('shows an instant as a form value on a zone’s clock', () => {
    expect(isoToLocalInput(Date.parse('2026-12-01T18:00:00Z'), 'Europe/Berlin')).toBe('2026-12-01T19:00');
  });

  it('adds minutes across midnight', () => {
    expect(addMinutesToLocal('2026-12-31T23:00', 120)).toBe('2027-01-01T01:00');
    expect(addMinutesToLocal('nope', 120)).toBeNull();
  });

  it('offers every zone, including ones asked for', () => {
    const zones = timeZoneChoices(['Europe/Berlin']);
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('America/New_York');
    expect([...zones].sort()).toEqual(zones);
  });
});
