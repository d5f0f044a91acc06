/** What each kind of item is called, where its page is, and how markers and clusters describe it. */
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../web/src/lib/api/map';
import { formatDateTime } from '../../web/src/lib/format';
import {
  describeCluster,
  describeItem,
  itemKey,
  itemPath,
  KIND_LABEL,
  KIND_SHAPE,
  kindShape,
} from '../../web/src/lib/kinds';

describe('itemPath and itemKey', () => {
  it('puts each kind’s page under its own path', () => {
    expect(ITEM_KINDS.map((kind) => itemPath({ kind, itemId: 7 }))).toEqual([
      '/places/7',
      '/groups/7',
      '/events/7',
      '/posts/7',
    ]);
  });

  it('tells apart items of different kinds with the same id', () => {
    const keys = ITEM_KINDS.map((kind) => itemKey({ kind, itemId: 7 }));
    expect(new Set(keys).size).toBe(ITEM_KINDS.length);
    expect(itemKey({ kind: 'event', itemId: 7 })).toBe('event:7');
  });
});

describe('describeItem', () => {
  it('calls events meetups, and names a place’s kind and a meetup’s time', () => {
    const startsAt = '2026-06-13T17:00:00Z';
    expect(describeItem({ kind: 'place', itemId: 1, name: 'Würfel', placeKind: 'cafe' })).toBe('Place · Café');
    expect(describeItem({ kind: 'event', itemId: 2, name: 'Catan', startsAt })).toBe(
      `Meetup · ${formatDateTime(startsAt)}`,
    );
    expect(describeItem({ kind: 'group', itemId: 3, name: 'Crew' })).toBe('Group');
    expect(describeItem({ kind: 'post', itemId: 4, name: 'Hello' })).toBe('Post');
  });

  it('says a series’ rule and that its time is the next one', () => {
    const startsAt = '2026-12-10T18:00:00Z';
    const series = { id: 4, rule: 'every 2 weeks', upcoming: 6 };
    expect(describeItem({ kind: 'event', itemId: 2, name: 'Board games', startsAt, series })).toBe(
      `Meetup · every 2 weeks · next ${formatDateTime(startsAt)}`,
    );
    expect(describeItem({ kind: 'event', itemId: 2, name: 'Board games', startsAt, series: { rule: 7 } })).toBe(
      `Meetup · ${formatDateTime(startsAt)}`,
    );
  });

  it('leaves out what is missing or unreadable', () => {
    expect(describeItem({ kind: 'place', itemId: 1, name: 'Somewhere' })).toBe('Place');
    expect(describeItem({ kind: 'event', itemId: 2, name: 'Catan', startsAt: 'not a date' })).toBe('Meetup');
  });

  it('shows a kind the server adds later by its own name rather than failing', () => {
    const future = { kind: 'library', itemId: 5, name: 'Stadtbibliothek' } as unknown as Parameters<
      typeof describeItem
    >[0];
    expect(describeItem(future)).toBe('library');
  });
});

describe('describeCluster', () => {
  it('counts each kind in the legend’s order, singular and plural', () => {
    expect(describeCluster({ kind: 'cluster', count: 12, counts: { group: 4, place: 8 }, expansionZoom: 15 })).toBe(
      '12 items here: 8 places, 4 groups',
    );
    expect(
      describeCluster({ kind: 'cluster', count: 3, counts: { post: 1, event: 2, place: 0 }, expansionZoom: 15 }),
    ).toBe('3 items here: 2 meetups, 1 post');
  });

  it('falls back to the total when no kind is counted', () => {
    expect(describeCluster({ kind: 'cluster', count: 1, counts: {}, expansionZoom: 3 })).toBe('1 item here');
  });
});

describe('kind shapes', () => {
  it('gives each kind a shape of its own, so colour is not the only difference', () => {
    expect(new Set(Object.values(KIND_SHAPE)).size).toBe(ITEM_KINDS.length);
    for (const kind of ITEM_KINDS) {
      expect(kindShape(kind)).toBe(KIND_SHAPE[kind]);
      expect(KIND_LABEL[kind].one.length).toBeGreaterThan(0);
    }
  });

  it('draws a kind it does not know with the place shape', () => {
    expect(kindShape('library')).toBe(KIND_SHAPE.place);
  });
});
