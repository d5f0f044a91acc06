/**
 * The feed's one formula and the words that explain it. The SQL computes the factors from the
 * constants here; these tests pin the constants' meaning, the explanation built from a row's
 * numbers, and the formatting of distances and times in it.
 */
import { describe, expect, it } from 'vitest';
import {
  AGE_SCALE_HOURS,
  DEFAULT_FEED_RADIUS_METERS,
  DISTANCE_SCALE_METERS,
  explain,
  FEED_PAGE_SIZE,
  formatDistance,
  formatHours,
  FORMULA_TEXT,
  GROUP_BOOST,
  MAX_AGE_HOURS,
  MAX_FEED_RADIUS_METERS,
  type ScoredRow,
} from '../../server/src/modules/feed/score.js';

/** A row as the feed query returns it, its factors computed by the formula FORMULA_TEXT states. */
function row(
  kind: 'post' | 'event',
  distance: number,
  hours: number,
  group: { name: string; member: boolean } | null = null,
): ScoredRow {
  const distance_effect = Math.exp(-distance / DISTANCE_SCALE_METERS);
  const age_effect = Math.exp(-Math.min(hours, MAX_AGE_HOURS) / AGE_SCALE_HOURS);
  const member_effect = group?.member ? GROUP_BOOST : 1;
  return {
    kind,
    distance,
    hours,
    distance_effect,
    age_effect,
    member_effect,
    score: distance_effect * age_effect * member_effect,
    group_name: group?.name ?? null,
    is_member: group?.member ?? false,
  };
}

const product = (factors: { effect: number }[]) => factors.reduce((total, factor) => total * factor.effect, 1);

describe('the formula', () => {
  it('states every constant it uses, and says nothing popular counts', () => {
    expect(FORMULA_TEXT).toContain(`exp(−distance / ${DISTANCE_SCALE_METERS} m)`);
    expect(FORMULA_TEXT).toContain(`exp(−age / ${AGE_SCALE_HOURS} h)`);
    expect(FORMULA_TEXT).toContain(`(${GROUP_BOOST} if you belong to the item’s group, else 1)`);
    expect(FORMULA_TEXT).toContain(`at most ${MAX_AGE_HOURS} hours`);
    expect(FORMULA_TEXT).toMatch(/no comment, RSVP, member or view counts/);
  });

  it('has a time scale of three days, and caps ages at about five years', () => {
    expect(AGE_SCALE_HOURS).toBe(72);
    expect(MAX_AGE_HOURS / 24 / 365).toBeGreaterThan(4.9);
    expect(MAX_AGE_HOURS / 24 / 365).toBeLessThan(5);
  });

  it('keeps the smallest score any feed item can get a normal double, so the database never underflows it', () => {
    const lowest = row('post', MAX_FEED_RADIUS_METERS, Number.MAX_SAFE_INTEGER).score;
    const smallestNormal = 2 ** -1022;
    expect(lowest).toBeGreaterThan(smallestNormal);
    // Below the cap, a day older still scores lower: the order holds down to the cap.
    expect(row('post', MAX_FEED_RADIUS_METERS, MAX_AGE_HOURS - 24).score).toBeGreaterThan(lowest);
  });

  it('counts an age beyond the cap as the cap', () => {
    expect(row('post', 100, MAX_AGE_HOURS * 3).score).toBe(row('post', 100, MAX_AGE_HOURS).score);
  });

  it('lets a group the reader belongs to outweigh some distance, but not any distance', () => {
    const near = row('post', 500, 5).score;
    const fartherInGroup = row('post', 500 + DISTANCE_SCALE_METERS * Math.log(GROUP_BOOST) * 0.9, 5, {
      name: 'Catan Crew',
      member: true,
    }).score;
    const muchFartherInGroup = row('post', 500 + DISTANCE_SCALE_METERS * Math.log(GROUP_BOOST) * 1.1, 5, {
      name: 'Catan Crew',
      member: true,
    }).score;
    expect(fartherInGroup).toBeGreaterThan(near);
    expect(muchFartherInGroup).toBeLessThan(near);
  });

  it('pages the feed within its radius bounds', () => {
    expect(DEFAULT_FEED_RADIUS_METERS).toBeGreaterThan(0);
    expect(DEFAULT_FEED_RADIUS_METERS).toBeLessThanOrEqual(MAX_FEED_RADIUS_METERS);
    expect(FEED_PAGE_SIZE).toBeGreaterThan(0);
  });
});

describe('explain', () => {
  it('lists a post’s distance and age, whose effects multiply to its score', () => {
    const why = explain(row('post', 1234, 3));
    expect(why.factors).toEqual([
      { name: 'distance', value: 1234, effect: Math.exp(-1234 / DISTANCE_SCALE_METERS) },
      { name: 'age', value: 3, effect: Math.exp(-3 / AGE_SCALE_HOURS) },
    ]);
    expect(product(why.factors)).toBeCloseTo(why.score, 15);
    expect(why.text).toBe('1.2 km away · posted 3 hours ago');
  });

  it('lists an event’s time until it starts as startsIn', () => {
    const why = explain(row('event', 350, 50));
    expect(why.factors.map((factor) => factor.name)).toEqual(['distance', 'startsIn']);
    expect(why.factors[1]).toEqual({ name: 'startsIn', value: 50, effect: Math.exp(-50 / AGE_SCALE_HOURS) });
    expect(why.text).toBe('350 m away · starts in 2 days');
  });

  it('adds the group factor, named after the group, only for a group the reader belongs to', () => {
    const member = explain(row('post', 1200, 3, { name: 'Catan Crew', member: true }));
    expect(member.factors.at(-1)).toEqual({ name: 'groupMember', value: 'Catan Crew', effect: GROUP_BOOST });
    expect(product(member.factors)).toBeCloseTo(member.score, 15);
    expect(member.text).toBe('1.2 km away · posted 3 hours ago · in your group Catan Crew');

    const stranger = explain(row('post', 1200, 3, { name: 'Catan Crew', member: false }));
    expect(stranger.factors.map((factor) => factor.name)).toEqual(['distance', 'age']);
    expect(stranger.text).not.toContain('Catan Crew');
    expect(member.score / stranger.score).toBeCloseTo(GROUP_BOOST, 12);
  });

  it('leaves the group out when the member’s group has no name to show', () => {
    const why = explain({ ...row('post', 10, 1), is_member: true, member_effect: GROUP_BOOST });
    expect(why.factors.map((factor) => factor.name)).toEqual(['distance', 'age']);
    expect(why.text).toBe('10 m away · posted 1 hour ago');
  });

  it('passes the database’s score through untouched, even when it is not the product shown', () => {
    const stored = { ...row('event', 10, 1), score: 0.123 };
    expect(explain(stored).score).toBe(0.123);
  });

  it('says "posted just now" under a minute and counts minutes from one minute', () => {
    expect(explain(row('post', 20, 0)).text).toBe('20 m away · posted just now');
    expect(explain(row('post', 20, 0.5 / 60)).text).toBe('20 m away · posted just now');
    expect(explain(row('post', 20, 1 / 60)).text).toBe('20 m away · posted 1 minute ago');
  });

  it('says "happening now" for an event that has started, and minutes for one about to', () => {
    const now = explain(row('event', 20, 0));
    expect(now.text).toBe('20 m away · happening now');
    expect(now.factors[1]).toEqual({ name: 'startsIn', value: 0, effect: 1 });
    expect(explain(row('event', 20, 0.001)).text).toBe('20 m away · starts in 1 minute');
  });
});

describe('formatDistance', () => {
  it.each([
    [0, '0 m away'],
    [14, '10 m away'],
    [15, '20 m away'],
    [994, '990 m away'],
    [1000, '1.0 km away'],
    [1049, '1.0 km away'],
    [1050, '1.1 km away'],
    [9949, '9.9 km away'],
    [10_000, '10 km away'],
    [10_499, '10 km away'],
    [10_500, '11 km away'],
    [MAX_FEED_RADIUS_METERS, '50 km away'],
  ])('writes %d metres as "%s"', (meters, text) => {
    expect(formatDistance(meters)).toBe(text);
  });

  // Rounding is done after the unit is chosen, so distances just short of a boundary are written
  // in the smaller unit's rounded-up form (web/src/lib/format.ts rounds first and gets these right).
  it.each([
    [995, '1.0 km away'],
    [9960, '10 km away'],
  ])('writes %d metres, which round up into the next unit, as "%s"', (meters, text) => {
    expect(formatDistance(meters)).toBe(text);
  });
});

describe('formatHours', () => {
  it.each([
    [0, '1 minute'],
    [1 / 60, '1 minute'],
    [0.5, '30 minutes'],
    [0.99, '59 minutes'],
    [1, '1 hour'],
    [1.49, '1 hour'],
    [1.5, '2 hours'],
    [47.49, '47 hours'],
    [48, '2 days'],
    [59.9, '2 days'],
    [60, '3 days'],
    [24 * 400, '400 days'],
  ])('writes %s hours as "%s"', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });

  // As with distances: "60 minutes" and "48 hours" appear where the next unit's "1 hour" and
  // "2 days" are meant.
  it.each([
    [0.995, '1 hour'],
    [47.6, '2 days'],
  ])('writes %s hours, which round up into the next unit, as "%s"', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });
});
