/**
 * Requests to a Photon or Nominatim server and the reading of their answers, as each documents
 * them: Photon's `/api` answers a GeoJSON FeatureCollection; Nominatim's `/search?format=jsonv2`
 * a JSON array of places. Anything else is refused (GeocoderFailure), so that the gazetteer answers.
 */
import type { GeocodeResult } from './schemas.js';

export type GeocoderKindKnown = 'photon' | 'nominatim';

export interface AddressQuery {
  q: string;
  limit: number;
  /** The map's centre, which the results favour; null: no preference. */
  near: { lat: number; lng: number } | null;
}

/** The geocoder failed or answered something unreadable; the gazetteer answers instead. */
export class GeocoderFailure extends Error {}

/** How far around the centre Nominatim prefers results (it still finds places outside). */
const VIEWBOX_DEGREES = { lat: 0.2, lng: 0.3 };

export function searchUrl(base: string, kind: GeocoderKindKnown, query: AddressQuery, contact: string): URL {
  if (kind === 'photon') {
    const url = new URL(`${base}/api`);
    url.searchParams.set('q', query.q);
    url.searchParams.set('limit', String(query.limit));
    if (query.near) {
      url.searchParams.set('lat', String(query.near.lat));
      url.searchParams.set('lon', String(query.near.lng));
    }
    return url;
  }
  const url = new URL(`${base}/search`);
  url.searchParams.set('q', query.q);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('addressdetails', '1');
  url.searchParams.set('limit', String(query.limit));
  if (query.near) {
    const { lat, lng } = query.near;
    const box = [
      lng - VIEWBOX_DEGREES.lng,
      lat + VIEWBOX_DEGREES.lat,
      lng + VIEWBOX_DEGREES.lng,
      lat - VIEWBOX_DEGREES.lat,
    ];
    url.searchParams.set('viewbox', box.map((value) => value.toFixed(4)).join(','));
    url.searchParams.set('bounded', '0');
  }
  // Nominatim asks heavy users to identify themselves by email too.
  if (contact.includes('@')) url.searchParams.set('email', contact);
  return url;
}

const TOWNS = new Set(['city', 'town', 'village', 'hamlet', 'municipality', 'suburb', 'borough', 'quarter']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function point(lat: unknown, lng: unknown): { lat: number; lng: number } | null {
  const y = typeof lat === 'string' ? Number(lat) : lat;
  const x = typeof lng === 'string' ? Number(lng) : lng;
  if (typeof y !== 'number' || typeof x !== 'number' || !Number.isFinite(y) || !Number.isFinite(x)) return null;
  if (Math.abs(y) > 90 || Math.abs(x) > 180) return null;
  return { lat: y, lng: x };
}

function result(
  fields: { name?: string; street?: string; number?: string; postcode?: string; town?: string; country?: string },
  type: GeocodeResult['type'],
  countryCode: string | undefined,
  at: { lat: number; lng: number },
): GeocodeResult | null {
  const streetLine = fields.street ? [fields.street, fields.number].filter(Boolean).join(' ') : undefined;
  const name = fields.name ?? streetLine ?? fields.town;
  if (!name) return null;
  const townLine = [fields.postcode, fields.town].filter(Boolean).join(' ');
  const detail = [fields.name && streetLine, townLine !== name && townLine, fields.country]
    .filter((part): part is string => Boolean(part))
    .join(', ');
  const country = countryCode && /^[a-z]{2}$/i.test(countryCode) ? countryCode.toUpperCase() : '';
  return { name, ...(detail ? { detail } : {}), type, country, lat: at.lat, lng: at.lng };
}

/** Photon: a GeoJSON FeatureCollection of Points with OSM properties. */
export function readPhoton(body: unknown): GeocodeResult[] {
  const collection = body as { type?: unknown; features?: unknown } | null;
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new GeocoderFailure('Photon answered something other than a FeatureCollection');
  }
  return collection.features.flatMap((feature: unknown) => {
    const { geometry, properties } = (feature ?? {}) as { geometry?: unknown; properties?: unknown };
    const coordinates = (geometry as { type?: unknown; coordinates?: unknown } | null)?.coordinates;
    if (!Array.isArray(coordinates)) return [];
    const at = point(coordinates[1], coordinates[0]);
    const p = (properties ?? {}) as Record<string, unknown>;
    if (!at) return [];
    const number = text(p.housenumber);
    const kind = text(p.type);
    const type: GeocodeResult['type'] =
      number || kind === 'house'
        ? 'address'
        : kind === 'street'
          ? 'street'
          : kind === 'city' || (p.osm_key === 'place' && TOWNS.has(String(p.osm_value)))
            ? 'town'
            : 'other';
    const found = result(
      {
        name: text(p.name),
        street: text(p.street),
        number,
        postcode: text(p.postcode),
        town: text(p.city) ?? text(p.town) ?? text(p.village),
        country: text(p.country),
      },
      type,
      text(p.countrycode),
      at,
    );
    return found ? [found] : [];
  });
}

/** Nominatim: the `jsonv2` array, with `addressdetails=1`. */
export function readNominatim(body: unknown): GeocodeResult[] {
  if (!Array.isArray(body)) throw new GeocoderFailure('Nominatim answered something other than a list of places');
  return body.flatMap((place: unknown) => {
    const p = (place ?? {}) as Record<string, unknown>;
    const at = point(p.lat, p.lon);
    if (!at) return [];
    const address = (typeof p.address === 'object' && p.address !== null ? p.address : {}) as Record<string, unknown>;
    const number = text(address.house_number);
    const category = text(p.category);
    const placeType = text(p.type) ?? '';
    const type: GeocodeResult['type'] = number
      ? 'address'
      : category === 'highway'
        ? 'street'
        : (category === 'place' || category === 'boundary') &&
            (TOWNS.has(placeType) || TOWNS.has(String(p.addresstype)))
          ? 'town'
          : 'other';
    const town = text(address.city) ?? text(address.town) ?? text(address.village) ?? text(address.municipality);
    const found = result(
      {
        name: text(p.name) ?? (number ? undefined : text(String(p.display_name ?? '').split(',')[0])),
        street: text(address.road) ?? text(address.pedestrian),
        number,
        postcode: text(address.postcode),
        town: type === 'town' ? undefined : town,
        country: text(address.country),
      },
      type,
      text(address.country_code),
      at,
    );
    return found ? [found] : [];
  });
}

/** What a `/status` answer says the server is: Nominatim's has a numeric status, Photon's a word. */
export function kindFromStatus(body: unknown): GeocoderKindKnown | null {
  const status = (body as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return 'nominatim';
  if (typeof status === 'string') return 'photon';
  return null;
}
