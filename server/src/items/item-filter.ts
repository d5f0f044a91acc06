/**
 * The filters a radius page or a map view can narrow items by, parsed once from the query string.
 * Each filter applies to some kinds only (a place kind to places, "needs players" to meetups), and
 * keeps only those kinds: `placeKinds=cafe` answers cafés, not cafés and every group. Several
 * filters must all hold, so filters for different kinds together leave nothing.
 */
import { PLACE_KINDS } from '../db/tables/places-and-groups.js';
import type { ItemKind } from '../geo/schemas.js';
import { invalidField } from '../plugins/errors.js';
import type { ItemFilter, ItemFilterName } from './item-source.js';
import type { ItemRegistry } from './registry.js';

/** How far ahead "this week" reaches: the next seven days, whatever the day of the week. */
export const THIS_WEEK_DAYS = 7;

/** The query string's filter fields (items/schemas.ts ItemFilterFields). */
export interface ItemFilterQuery {
  needsPlayers?: boolean;
  thisWeek?: boolean;
  placeKinds?: string;
}

/** `placeKinds=cafe,game_store` and the flags as a filter; unknown place kinds are a 400. */
export function parseItemFilter(query: ItemFilterQuery): ItemFilter {
  const filter: ItemFilter = {};
  if (query.needsPlayers) filter.needsPlayers = true;
  if (query.thisWeek) filter.thisWeek = true;
  if (query.placeKinds !== undefined && query.placeKinds.trim() !== '') {
    const placeKinds = [...new Set(query.placeKinds.split(',').map((kind) => kind.trim()))].sort();
    const unknown = placeKinds.find((kind) => !(PLACE_KINDS as readonly string[]).includes(kind));
    if (unknown !== undefined) {
      throw invalidField('placeKinds', `has unknown place kind "${unknown}"; use any of ${PLACE_KINDS.join(', ')}`);
    }
    filter.placeKinds = placeKinds;
  }
  return filter;
}

/** The filters set, by name. */
export function filtersSet(filter: ItemFilter | undefined): ItemFilterName[] {
  if (!filter) return [];
  return (Object.keys(filter) as ItemFilterName[]).filter((name) => filter[name] !== undefined);
}

/** Of the kinds asked for, those this server lists whose source can apply every filter set. */
export function kindsPassing(registry: ItemRegistry, kinds: ItemKind[], filter: ItemFilter | undefined): ItemKind[] {
  const names = filtersSet(filter);
  return kinds.filter((kind) => {
    const source = registry.source(kind);
    return source !== undefined && names.every((name) => source.filters?.includes(name));
  });
}
