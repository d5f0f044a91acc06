/**
 * What each kind of item is called and where its page lives. Markers, the legend and the list
 * all read from here, so a kind looks and reads the same everywhere.
 */
import type { ClusterProperties, ItemKind, ItemProperties } from './api/map';
import { formatPlaceKind, meetupTimeLine, plural } from './format';

export const KIND_LABEL: Record<ItemKind, { one: string; many: string }> = {
  place: { one: 'Place', many: 'places' },
  group: { one: 'Group', many: 'groups' },
  event: { one: 'Meetup', many: 'meetups' },
  post: { one: 'Post', many: 'posts' },
};

const PATH_PREFIX: Record<ItemKind, string> = {
  place: '/places',
  group: '/groups',
  event: '/events',
  post: '/posts',
};

export function itemPath(item: Pick<ItemProperties, 'kind' | 'itemId'>): string {
  return `${PATH_PREFIX[item.kind]}/${item.itemId}`;
}

/** An item singled out on the map and in the list, and which of the two asked for it. */
export interface Highlight {
  key: string;
  source: 'map' | 'list';
}

/** Unique across kinds: ids are only unique within one kind. */
export function itemKey(item: Pick<ItemProperties, 'kind' | 'itemId'>): string {
  return `${item.kind}:${item.itemId}`;
}

/**
 * "Place · Café", "Meetup · Sat 14 Jun, 19:00", "Group". What a kind adds (placeKind, startsAt)
 * is not part of the item's schema, so it is used only when it is the text expected.
 */
export function describeItem(item: ItemProperties): string {
  const kind = KIND_LABEL[item.kind]?.one ?? item.kind;
  const { placeKind, startsAt, timeZone } = item;
  if (item.kind === 'place' && typeof placeKind === 'string' && placeKind) {
    return `${kind} · ${formatPlaceKind(placeKind)}`;
  }
  if (item.kind === 'event' && typeof startsAt === 'string' && startsAt) {
    const when = meetupTimeLine(
      { startsAt, timeZone: typeof timeZone === 'string' ? timeZone : null },
      { startOnly: true },
    );
    // A series is one item, its next occurrence: "Meetup · weekly · next Thu 10 Dec, 19:00".
    const rule = seriesRule(item.series);
    if (when) return rule ? `${kind} · ${rule} · next ${when}` : `${kind} · ${when}`;
  }
  return kind;
}

/** The plain-words rule of a meetup's `series` property ("every 2 weeks"), checked, as it arrives untyped. */
function seriesRule(series: unknown): string | null {
  if (typeof series !== 'object' || series === null) return null;
  const rule = (series as { rule?: unknown }).rule;
  return typeof rule === 'string' && rule ? rule : null;
}

/** "12 items here: 8 places, 4 groups". */
export function describeCluster(cluster: ClusterProperties): string {
  const parts = (Object.keys(KIND_LABEL) as ItemKind[]).flatMap((kind) => {
    const count = cluster.counts[kind] ?? 0;
    return count > 0 ? [`${count} ${count === 1 ? KIND_LABEL[kind].one.toLowerCase() : KIND_LABEL[kind].many}`] : [];
  });
  const total = plural(cluster.count, 'item');
  return parts.length > 0 ? `${total} here: ${parts.join(', ')}` : `${total} here`;
}

/**
 * Each kind has its own shape as well as its own colour, so markers stay distinguishable for
 * people who do not see the colours. SVG paths in a 20×20 box.
 */
export const KIND_SHAPE: Record<ItemKind, string> = {
  place: 'M2 10a8 8 0 1 0 16 0a8 8 0 1 0 -16 0Z',
  group: 'M3 3h14v14H3Z',
  event: 'M10 1 19 10 10 19 1 10Z',
  post: 'M10 1.5 19 17.5H1Z',
};

/** Kinds the server may add later still get a marker, with the place shape. */
export function kindShape(kind: string): string {
  return KIND_SHAPE[kind as ItemKind] ?? KIND_SHAPE.place;
}
