import { describe, expect, it } from 'vitest';
import { clockOf, isUrgent, minutesOf, sendableAt } from '../../server/src/modules/notifications/quiet-hours.js';

const berlin = (start: string, end: string) => ({
  start: minutesOf(start),
  end: minutesOf(end),
  timeZone: 'Europe/Berlin',
});

describe('quiet hours', () => {
  it('read clocks both ways', () => {
    expect(minutesOf('07:30')).toBe(450);
    expect(minutesOf('22:00:00')).toBe(1320);
    expect(clockOf(450)).toBe('07:30');
  });

  it('let an email go at once outside them, or without any', () => {
    const noon = new Date('2026-06-10T10:00:00Z'); // 12:00 in Berlin
    expect(sendableAt(noon, null)).toBe(noon);
    expect(sendableAt(noon, berlin('22:00', '07:00'))).toBe(noon);
    expect(sendableAt(noon, berlin('09:00', '09:00'))).toBe(noon);
  });

  it('hold an email until they end, across midnight, on the person’s clock', () => {
    // 23:30 in Berlin (summer time, UTC+2): held until 07:00 the next morning.
    expect(sendableAt(new Date('2026-06-10T21:30:00Z'), berlin('22:00', '07:00')).toISOString()).toBe(
      '2026-06-11T05:00:00.000Z',
    );
    // 03:00 in Berlin: until 07:00 the same morning.
    expect(sendableAt(new Date('2026-06-11T01:00:00Z'), berlin('22:00', '07:00')).toISOString()).toBe(
      '2026-06-11T05:00:00.000Z',
    );
    // Quiet hours within one day (a siesta).
    expect(sendableAt(new Date('2026-06-11T12:00:00Z'), berlin('13:00', '15:30')).toISOString()).toBe(
      '2026-06-11T13:30:00.000Z',
    );
    // The night the clocks go back (25 October 2026): 07:00 is then UTC+1.
    expect(sendableAt(new Date('2026-10-24T21:00:00Z'), berlin('22:00', '07:00')).toISOString()).toBe(
      '2026-10-25T06:00:00.000Z',
    );
    // Another zone, another night.
    const tokyo = { start: minutesOf('21:00'), end: minutesOf('06:00'), timeZone: 'Asia/Tokyo' };
    expect(sendableAt(new Date('2026-06-10T13:00:00Z'), tokyo).toISOString()).toBe('2026-06-10T21:00:00.000Z');
  });

  it('make way only for a cancellation less than a day ahead', () => {
    const now = new Date('2026-06-10T21:30:00Z');
    expect(isUrgent('event_cancelled', new Date('2026-06-11T08:00:00Z'), now)).toBe(true);
    expect(isUrgent('event_cancelled', new Date('2026-06-12T08:00:00Z'), now)).toBe(false);
    expect(isUrgent('event_changed', new Date('2026-06-11T08:00:00Z'), now)).toBe(false);
    expect(isUrgent('event_cancelled', null, now)).toBe(false);
  });
});
