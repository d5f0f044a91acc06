/**
 * Wall-clock time in IANA zones, read through Intl: the zone names people type, the local time of
 * an instant, the instant of a local time (DST gaps and overlaps included), and the ISO strings
 * with offsets that every meetup is answered with.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  formatInZone,
  offsetAt,
  wallTime,
  zonedToInstant,
  type WallTime,
} from '../../server/src/modules/events/zoned-time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const wall = (year: number, month: number, day: number, hour: number, minute = 0, second = 0): WallTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
  millisecond: 0,
});

const iso = (instant: number) => new Date(instant).toISOString();

describe('canonicalTimeZone', () => {
  it('accepts IANA names in any letter case and answers their canonical spelling', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('AMERICA/NEW_YORK')).toBe('America/New_York');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('answers UTC for the names of UTC', () => {
    for (const name of ['UTC', 'utc', 'Etc/UTC', 'Etc/GMT', 'GMT']) expect(canonicalTimeZone(name), name).toBe('UTC');
  });

  it('resolves a link to a zone with the same rules', () => {
    expect(canonicalTimeZone('US/Pacific')).toBe('America/Los_Angeles');
    // ICU's preferred spelling of India's zone has changed between releases; either is the same zone.
    const india = canonicalTimeZone('Asia/Kolkata');
    expect(['Asia/Kolkata', 'Asia/Calcutta']).toContain(india);
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), india!)).toBe(5.5 * HOUR);
  });

  it('refuses bare UTC offsets, which have no DST rules to keep a series at its local time', () => {
    for (const name of ['+01:00', '-05:00', '+0530', 'Z']) expect(canonicalTimeZone(name), name).toBeNull();
  });

  it('refuses names Intl does not know, and blank or padded ones', () => {
    for (const name of ['Nowhere/City', 'Europe/Berlinn', 'Mars/Olympus_Mons', '', ' ', ' Europe/Berlin']) {
      expect(canonicalTimeZone(name), JSON.stringify(name)).toBeNull();
    }
  });
});

describe('wallTime', () => {
  it('reads the local date and time of an instant, months counted from 1', () => {
    expect(wallTime(Date.parse('2026-12-31T23:30:15.250Z'), 'Europe/Berlin')).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
      second: 15,
      millisecond: 250,
    });
    expect(wallTime(Date.parse('2026-01-01T02:00:00Z'), 'America/New_York')).toMatchObject({
      year: 2025,
      month: 12,
      day: 31,
      hour: 21,
    });
  });

  it('writes midnight as hour 0, never 24', () => {
    expect(wallTime(Date.parse('2026-06-01T22:00:00Z'), 'Europe/Berlin')).toMatchObject({ day: 2, hour: 0 });
  });

  it('keeps the milliseconds of instants before 1970 positive', () => {
    expect(wallTime(-1, 'UTC')).toEqual({
      year: 1969,
      month: 12,
      day: 31,
      hour: 23,
      minute: 59,
      second: 59,
      millisecond: 999,
    });
  });

  it('throws a RangeError for a zone Intl does not know (zones are checked before they are stored)', () => {
    expect(() => wallTime(0, 'Nowhere/City')).toThrow(RangeError);
  });
});

describe('offsetAt', () => {
  it('follows Berlin between winter and summer time, changing at 01:00 UTC on the last Sunday of March', () => {
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(HOUR);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
    const change = Date.parse('2026-03-29T01:00:00Z');
    expect(offsetAt(change - 1, 'Europe/Berlin')).toBe(HOUR);
    expect(offsetAt(change, 'Europe/Berlin')).toBe(2 * HOUR);
  });

  it('handles offsets that are not whole hours, and negative ones', () => {
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kathmandu')).toBe(5.75 * HOUR);
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'America/St_Johns')).toBe(-3.5 * HOUR);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'America/St_Johns')).toBe(-2.5 * HOUR);
    // Lord Howe Island moves its clocks by half an hour.
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'Australia/Lord_Howe')).toBe(11 * HOUR);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'Australia/Lord_Howe')).toBe(10.5 * HOUR);
  });

  it('is zero in UTC all year', () => {
    for (const month of ['01', '04', '07', '10']) {
      expect(offsetAt(Date.parse(`2026-${month}-15T12:00:00Z`), 'UTC')).toBe(0);
    }
  });
});

describe('zonedToInstant', () => {
  it('finds the instant of an ordinary local time', () => {
    expect(iso(zonedToInstant(wall(2026, 12, 1, 19), 'Europe/Berlin'))).toBe('2026-12-01T18:00:00.000Z');
    expect(iso(zonedToInstant(wall(2026, 6, 1, 19), 'Europe/Berlin'))).toBe('2026-06-01T17:00:00.000Z');
    expect(iso(zonedToInstant(wall(2026, 6, 1, 19), 'Asia/Kolkata'))).toBe('2026-06-01T13:30:00.000Z');
    expect(iso(zonedToInstant(wall(2026, 6, 1, 19), 'UTC'))).toBe('2026-06-01T19:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward by the length of the jump', () => {
    // Berlin: 02:00 becomes 03:00 on 29 March 2026, so 02:30 is 03:30 summer time.
    expect(iso(zonedToInstant(wall(2026, 3, 29, 2, 30), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedToInstant(wall(2026, 3, 8, 2, 30), 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    // Lord Howe: 02:00 becomes 02:30 on 4 October 2026; 02:15 lands at 02:45.
    const lordHowe = zonedToInstant(wall(2026, 10, 4, 2, 15), 'Australia/Lord_Howe');
    expect(formatInZone(new Date(lordHowe), 'Australia/Lord_Howe')).toBe('2026-10-04T02:45:00+11:00');
  });

  it('keeps the hours on either side of a gap where they are', () => {
    expect(iso(zonedToInstant(wall(2026, 3, 29, 1, 59, 59), 'Europe/Berlin'))).toBe('2026-03-29T00:59:59.000Z');
    expect(iso(zonedToInstant(wall(2026, 3, 29, 3), 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first (summer-time) instant of a time the autumn change repeats', () => {
    // Berlin: 03:00 becomes 02:00 on 25 October 2026, so 02:30 happens at 00:30 and 01:30 UTC.
    expect(iso(zonedToInstant(wall(2026, 10, 25, 2, 30), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedToInstant(wall(2026, 11, 1, 1, 30), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    const lordHowe = zonedToInstant(wall(2026, 4, 5, 1, 45), 'Australia/Lord_Howe');
    expect(formatInZone(new Date(lordHowe), 'Australia/Lord_Howe')).toBe('2026-04-05T01:45:00+11:00');
  });

  it('carries overflowing fields as Date.UTC does (month 14, day 35)', () => {
    // Month 14 of 2026 is February 2027; its day 35 is 7 March 2027, still winter time in Berlin.
    expect(iso(zonedToInstant(wall(2026, 14, 35, 19), 'Europe/Berlin'))).toBe('2027-03-07T18:00:00.000Z');
    // Day 0 is the last day of the month before.
    expect(iso(zonedToInstant(wall(2026, 3, 0, 12), 'UTC'))).toBe('2026-02-28T12:00:00.000Z');
  });

  it('moves a time in a day the zone skipped entirely a whole day later', () => {
    // Samoa crossed the date line at the end of 29 December 2011: 30 December never happened there.
    const instant = zonedToInstant(wall(2011, 12, 30, 12), 'Pacific/Apia');
    expect(formatInZone(new Date(instant), 'Pacific/Apia')).toBe('2011-12-31T12:00:00+14:00');
  });

  it('inverts wallTime for every half hour around both of the year’s changes, in several zones', () => {
    const days = [
      ['Europe/Berlin', '2026-03-28', '2026-10-24'],
      ['America/New_York', '2026-03-07', '2026-10-31'],
      ['Australia/Lord_Howe', '2026-04-04', '2026-10-03'],
      ['America/St_Johns', '2026-03-07', '2026-10-31'],
      ['Asia/Kolkata', '2026-03-28', '2026-10-24'],
    ] as const;
    for (const [zone, ...starts] of days) {
      for (const start of starts) {
        for (
          let instant = Date.parse(`${start}T00:00:00Z`);
          instant < Date.parse(`${start}T00:00:00Z`) + 2 * 24 * HOUR;
          instant += 30 * MINUTE
        ) {
          const local = wallTime(instant, zone);
          const found = zonedToInstant(local, zone);
          // Either the same instant, or, for the second pass through a repeated hour, the first.
          const repeatedBy = instant - found;
          expect(wallTime(found, zone), `${zone} ${iso(instant)}`).toEqual(local);
          expect([0, offsetAt(found, zone) - offsetAt(instant, zone)], `${zone} ${iso(instant)}`).toContain(repeatedBy);
        }
      }
    }
  });
});

describe('formatInZone', () => {
  it('writes the local time with the zone’s offset at that instant, winter and summer', () => {
    expect(formatInZone(new Date('2026-12-01T18:00:00Z'), 'Europe/Berlin')).toBe('2026-12-01T19:00:00+01:00');
    expect(formatInZone(new Date('2026-06-01T17:00:00Z'), 'Europe/Berlin')).toBe('2026-06-01T19:00:00+02:00');
  });

  it('changes offset exactly at the DST change, in both directions', () => {
    expect(formatInZone(new Date('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59:59+01:00');
    expect(formatInZone(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
    // The repeated hour is written twice, told apart by its offset.
    expect(formatInZone(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00');
    expect(formatInZone(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00+01:00');
  });

  it('writes half-hour and three-quarter-hour offsets, positive and negative', () => {
    expect(formatInZone(new Date('2026-06-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-06-01T17:30:00+05:30');
    expect(formatInZone(new Date('2026-06-01T12:00:00Z'), 'Asia/Kathmandu')).toBe('2026-06-01T17:45:00+05:45');
    expect(formatInZone(new Date('2026-06-01T12:00:00Z'), 'America/St_Johns')).toBe('2026-06-01T09:30:00-02:30');
    expect(formatInZone(new Date('2026-01-01T12:00:00Z'), 'America/St_Johns')).toBe('2026-01-01T08:30:00-03:30');
  });

  it('writes UTC as +00:00 and the date on the far side of the date line', () => {
    expect(formatInZone(new Date('2026-06-01T12:00:00Z'), 'UTC')).toBe('2026-06-01T12:00:00+00:00');
    expect(formatInZone(new Date('2026-06-01T12:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-06-02T02:00:00+14:00');
    expect(formatInZone(new Date('2026-06-01T12:00:00Z'), 'Pacific/Pago_Pago')).toBe('2026-06-01T01:00:00-11:00');
  });

  it('writes milliseconds only when there are some', () => {
    expect(formatInZone(new Date('2026-06-01T12:00:00.007Z'), 'Asia/Kolkata')).toBe('2026-06-01T17:30:00.007+05:30');
    expect(formatInZone(new Date('2026-06-01T12:00:00.000Z'), 'Asia/Kolkata')).not.toContain('.');
  });

  it('pads years to four digits', () => {
    expect(formatInZone(new Date('0999-06-01T12:00:00Z'), 'UTC')).toBe('0999-06-01T12:00:00+00:00');
  });

  it('always names the same instant it was given', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Apia', 'UTC'];
    for (const zone of zones) {
      for (
        let instant = Date.parse('2026-01-01T00:00:00Z');
        instant < Date.parse('2027-01-01T00:00:00Z');
        instant += 29 * HOUR + 13 * MINUTE + 1
      ) {
        expect(Date.parse(formatInZone(new Date(instant), zone)), `${zone} ${iso(instant)}`).toBe(instant);
      }
    }
  });

  // Date.UTC reads years 0–99 as 1900–1999, so the offset of an instant in those years comes out
  // as some 1900 years' worth of minutes. A meetup may be given such a start as long as it ends
  // in the future, and would then be answered with a start that does not parse.
  it('writes instants in the years 0 to 99 with the zone’s real offset', () => {
    expect(formatInZone(new Date('0050-06-01T12:00:00Z'), 'UTC')).toBe('0050-06-01T12:00:00+00:00');
  });

  it('throws a RangeError for a zone Intl does not know', () => {
    expect(() => formatInZone(new Date(), 'Nowhere/City')).toThrow(RangeError);
  });
});
