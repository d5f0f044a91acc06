/**
 * What the home page's map and list show, beyond where the map looks: the kinds, a place kind,
 * meetups this week, meetups that need players, and the radius. Kept in the address with the
 * view (`?lat=&lng=&z=`), so a link reproduces what its sender saw; anything invalid is ignored.
 */
import { ITEM_KINDS, type ItemFilter, type ItemKind } from './api/map';
import { PLACE_KINDS, type PlaceKind } from './api/places';

export interface HomeFilters {
  kinds: ItemKind[];
  /** One place kind, or null for every kind of place. */
  placeKind: PlaceKind | null;
  thisWeek: boolean;
  needsPlayers: boolean;
  radiusMeters: number;
}

export function defaultFilters(radiusMeters: number): HomeFilters {
  return { kinds: [...ITEM_KINDS], placeKind: null, thisWeek: false, needsPlayers: false, radiusMeters };
}

/** Reads `kinds`, `place`, `week`, `players` and `r` (metres, one of `radii`); the rest keep their defaults. */
export function filtersFromQuery(search: string, radii: readonly number[], fallback: HomeFilters): HomeFilters {
  const params = new URLSearchParams(search);
  const filters = { ...fallback, kinds: [...fallback.kinds] };
  const kinds = params.get('kinds');
  if (kinds !== null) {
    filters.kinds = ITEM_KINDS.filter((kind) => kinds.split(',').includes(kind));
  }
  const place = params.get('place');
  if (place !== null && (PLACE_KINDS as readonly string[]).includes(place)) filters.placeKind = place as PlaceKind;
  if (params.get('week') === '1') filters.thisWeek = true;
  if (params.get('players') === '1') filters.needsPlayers = true;
  const radius = Number(params.get('r'));
  if (radii.includes(radius)) filters.radiusMeters = radius;
  return filters;
}

/** The address's parameters for filters that differ from the defaults (a plain view keeps a short link). */
export function filtersToQuery(filters: HomeFilters, defaults: HomeFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.kinds.length !== ITEM_KINDS.length)
    query.kinds = ITEM_KINDS.filter((k) => filters.kinds.includes(k)).join(',');
  if (filters.placeKind) query.place = filters.placeKind;
  if (filters.thisWeek) query.week = '1';
  if (filters.needsPlayers) query.players = '1';
  if (filters.radiusMeters !== defaults.radiusMeters) query.r = String(filters.radiusMeters);
  return query;
}

/** The API's filter for these choices (each keeps only the kinds it applies to). */
export function itemFilterOf(filters: HomeFilters): ItemFilter {
  return {
    ...(filters.placeKind ? { placeKinds: [filters.placeKind] } : {}),
    ...(filters.thisWeek ? { thisWeek: true } : {}),
    ...(filters.needsPlayers ? { needsPlayers: true } : {}),
  };
}

/** The kinds the map and the list can show with these choices: a filter keeps only its own kinds. */
export function kindsShown(filters: HomeFilters): ItemKind[] {
  return filters.kinds.filter((kind) => {
    if (filters.placeKind && kind !== 'place') return false;
    if ((filters.thisWeek || filters.needsPlayers) && kind !== 'event') return false;
    return true;
  });
}
