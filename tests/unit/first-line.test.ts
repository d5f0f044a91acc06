import { describe, expect, it } from 'vitest';
import { countLinks, heldTermIn, holdReason } from '../../server/src/modules/moderation/first-line.js';

const settings = { newAccountHours: 24, postsPerHour: 5, maxLinks: 2 };

describe('the automatic first line', () => {
  it('counts links', () => {
    expect(countLinks('see https://a.example and http://b.example, www.c.example')).toBe(3);
    expect(countLinks('no links, just www. and http')).toBe(0);
  });

  it('finds held terms without case', () => {
    expect(heldTermIn('Buy at CHEAP-dice.example', ['cheap-dice.example'])).toBe('cheap-dice.example');
    expect(heldTermIn('nothing here', ['spam', ' '])).toBeUndefined();
  });

  it('holds new accounts past their links and rate, and anyone for a held term', () => {
    const fresh = { accountAgeHours: 1, recent: 1, heldTerms: [] };
    expect(holdReason(fresh, 'hello', settings)).toBeNull();
    expect(holdReason(fresh, 'http://a http://b http://c', settings)).toContain('at most 2 links');
    expect(holdReason({ ...fresh, recent: 6 }, 'hello', settings)).toContain('5 posts and comments an hour');
    const old = { accountAgeHours: 100, recent: 60, heldTerms: ['casino'] };
    expect(holdReason(old, 'http://a http://b http://c', settings)).toBeNull();
    expect(holdReason(old, 'Online CASINO', settings)).toContain('"casino"');
  });
});
