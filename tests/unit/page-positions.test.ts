/**
 * The shapes a page cursor may decode to. Cursors are signed, so these checks only ever see what
 * the server wrote; they are the second line of defence, and what makes the decoded value's
 * type true.
 */
import { describe, expect, it } from 'vitest';
import { createItemRegistry } from '../../server/src/app.js';
import { radiusPositionGuard } from '../../server/src/items/radius-query.js';
import { isAttendeePosition, isListPosition } from '../../server/src/modules/events/service.js';
import { isMemberPosition } from '../../server/src/modules/memberships/service.js';

const isNearbyPosition = radiusPositionGuard(createItemRegistry());

const notObjects = [null, undefined, 0, 'text', true];

describe('isNearbyPosition', () => {
  it('accepts a distance, an item kind and an id', () => {
    for (const k of ['event', 'group', 'place', 'post']) expect(isNearbyPosition({ d: 12.5, k, i: 3 }), k).toBe(true);
    expect(isNearbyPosition({ d: 0, k: 'place', i: 0 })).toBe(true);
  });

  it('refuses negative, infinite or missing distances, unknown kinds and ids that are not safe integers', () => {
    for (const value of [
      ...notObjects,
      { d: -1, k: 'place', i: 1 },
      { d: Number.POSITIVE_INFINITY, k: 'place', i: 1 },
      { d: Number.NaN, k: 'place', i: 1 },
      { d: '1', k: 'place', i: 1 },
      { k: 'place', i: 1 },
      { d: 1, k: 'planet', i: 1 },
      { d: 1, k: 'Place', i: 1 },
      { d: 1, i: 1 },
      { d: 1, k: 'place', i: 1.5 },
      { d: 1, k: 'place', i: 2 ** 60 },
    ]) {
      expect(isNearbyPosition(value), JSON.stringify(value)).toBe(false);
    }
  });

  // The kind is looked up among the registered kinds, not with `in`, which would also find what
  // every object inherits.
  it('refuses the names of inherited object properties as kinds', () => {
    for (const k of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(isNearbyPosition({ d: 1, k, i: 1 }), k).toBe(false);
    }
  });
});

describe('isListPosition', () => {
  it('accepts a soonest-first position (start, id) and a nearest-first one (distance, id)', () => {
    expect(isListPosition({ o: 'soonest', s: 1_780_000_000_000, i: 4 })).toBe(true);
    expect(isListPosition({ o: 'soonest', s: -5, i: 4 })).toBe(true);
    expect(isListPosition({ o: 'distance', d: 0, i: 4 })).toBe(true);
    expect(isListPosition({ o: 'distance', d: 1234.5, i: 4 })).toBe(true);
  });

  it('refuses a position of one order with the other order’s key, or with a bad value', () => {
    for (const value of [
      ...notObjects,
      { o: 'soonest', d: 1, i: 4 },
      { o: 'distance', s: 1, i: 4 },
      { o: 'soonest', s: 1.5, i: 4 },
      { o: 'distance', d: -1, i: 4 },
      { o: 'distance', d: Number.POSITIVE_INFINITY, i: 4 },
      { o: 'newest', s: 1, i: 4 },
      { s: 1, i: 4 },
      { o: 'soonest', s: 1 },
      { o: 'soonest', s: 1, i: '4' },
    ]) {
      expect(isListPosition(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('isAttendeePosition', () => {
  it('accepts an arrival number and refuses anything else', () => {
    expect(isAttendeePosition({ a: 17 })).toBe(true);
    for (const value of [...notObjects, {}, { a: '17' }, { a: 1.5 }, { a: 2 ** 60 }]) {
      expect(isAttendeePosition(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('isMemberPosition', () => {
  it('accepts a role rank, a time with microseconds and a user id', () => {
    expect(isMemberPosition({ r: 1, t: '2026-03-04T19:00:00.123456', u: 9 })).toBe(true);
  });

  it('refuses times without exactly six decimals, or with a zone, and ids that are not integers', () => {
    for (const value of [
      ...notObjects,
      { r: 1, t: '2026-03-04T19:00:00.123', u: 9 },
      { r: 1, t: '2026-03-04T19:00:00.123456Z', u: 9 },
      { r: 1, t: '2026-03-04 19:00:00.123456', u: 9 },
      { r: 1, t: 1_780_000_000_000, u: 9 },
      { r: 1.5, t: '2026-03-04T19:00:00.123456', u: 9 },
      { r: 1, t: '2026-03-04T19:00:00.123456', u: '9' },
      { t: '2026-03-04T19:00:00.123456', u: 9 },
    ]) {
      expect(isMemberPosition(value), JSON.stringify(value)).toBe(false);
    }
  });
});
