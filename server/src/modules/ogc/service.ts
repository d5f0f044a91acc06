/**
 * OGC API – Features (Part 1: Core) over the item kinds: a landing page, the conformance classes,
 * one collection per kind and their items as GeoJSON, so GIS tools (QGIS, GDAL's OAPIF driver)
 * read Vicinity's public data without custom code. Each collection is a kind's ItemSource, so what
 * a client sees is exactly what /api/nearby and /api/map show the same viewer.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemKind } from '../../geo/schemas.js';
import type { ItemRegistry } from '../../items/registry.js';
import { invalidField, notFound } from '../../plugins/errors.js';
import {
  countCollectionItems,
  findCollectionItem,
  findCollectionItems,
  type CollectionFilter,
  type CollectionRow,
} from './queries.js';
import type { ItemsQuery, Link } from './schemas.js';

type Db = Kysely<Database>;

export const OGC_BASE = '/ogc';
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

interface CollectionInfo {
  id: string;
  kind: ItemKind;
  title: string;
  description: string;
}

export const COLLECTIONS: CollectionInfo[] = [
  {
    id: 'places',
    kind: 'place',
    title: 'Places',
    description: 'Cafés, game stores, libraries and other places to meet.',
  },
  {
    id: 'groups',
    kind: 'group',
    title: 'Groups',
    description: 'Local communities (a private group at its ~500 m area).',
  },
  {
    id: 'meetups',
    kind: 'event',
    title: 'Meetups',
    description: 'Meetups that have not ended and are not cancelled; `datetime` selects those overlapping a time.',
  },
  { id: 'posts', kind: 'post', title: 'Posts', description: 'Long-form posts with a location.' },
];

function collectionInfo(id: string): CollectionInfo {
  const found = COLLECTIONS.find((collection) => collection.id === id);
  if (!found) throw notFound(`The collection "${id}"`);
  return found;
}

export function landingPage(base: string) {
  return {
    title: 'Vicinity',
    description: 'Places, groups, meetups and posts near you, as OGC API – Features.',
    links: [
      { href: `${base}${OGC_BASE}`, rel: 'self', type: JSON_TYPE, title: 'This document' },
      {
        href: `${base}/api/openapi.json`,
        rel: 'service-desc',
        type: 'application/vnd.oai.openapi+json;version=3.0',
        title: 'The API definition',
      },
      { href: `${base}/api/docs`, rel: 'service-doc', type: 'text/html', title: 'The API documentation' },
      { href: `${base}${OGC_BASE}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
      { href: `${base}${OGC_BASE}/collections`, rel: 'data', type: JSON_TYPE, title: 'The collections' },
    ] satisfies Link[],
  };
}

export function collectionDocument(base: string, id: string) {
  const info = collectionInfo(id);
  const self = `${base}${OGC_BASE}/collections/${info.id}`;
  return {
    id: info.id,
    title: info.title,
    description: info.description,
    itemType: 'feature' as const,
    crs: [CRS84],
    extent: { spatial: { bbox: [[-180, -90, 180, 90]], crs: CRS84 } },
    links: [
      { href: self, rel: 'self', type: JSON_TYPE, title: info.title },
      { href: `${self}/items`, rel: 'items', type: GEOJSON, title: `${info.title} as GeoJSON` },
    ],
  };
}

export function collectionsDocument(base: string) {
  return {
    links: [{ href: `${base}${OGC_BASE}/collections`, rel: 'self', type: JSON_TYPE, title: 'The collections' }],
    collections: COLLECTIONS.map((collection) => collectionDocument(base, collection.id)),
  };
}

function parseBbox(raw: string): [number, number, number, number] {
  const numbers = raw.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    throw invalidField('bbox', 'must be four numbers: minLng,minLat,maxLng,maxLat');
  }
  const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
  if ([minLng, maxLng].some((lng) => Math.abs(lng) > 180) || [minLat, maxLat].some((lat) => Math.abs(lat) > 90)) {
    throw invalidField('bbox', 'is outside [-180, -90, 180, 90]');
  }
  if (minLat > maxLat) throw invalidField('bbox', 'minLat must not be greater than maxLat');
  return [minLng, minLat, maxLng, maxLat];
}

/** `datetime`: an instant, or `start/end` with `..` (or nothing) for an open end. */
function parseDatetime(raw: string): { from: string | null; to: string | null } {
  const parts = raw.split('/');
  if (parts.length > 2) throw invalidField('datetime', 'must be an instant or an interval start/end');
  const check = (value: string) => {
    if (value === '..' || value === '') return null;
    if (
      !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/i.test(value) ||
      Number.isNaN(Date.parse(value))
    ) {
      throw invalidField('datetime', `has "${value}", which is not an RFC 3339 date or date-time`);
    }
    return value;
  };
  const from = check(parts[0]!);
  const to = parts.length === 2 ? check(parts[1]!) : from;
  return { from, to };
}

/**
 * An item as a GeoJSON Feature. Its id is repeated as the `id` property, unique within the
 * collection: GDAL's OAPIF driver numbers features by their page order otherwise, while it keeps
 * an `id` property's values as the feature ids.
 */
function feature(row: CollectionRow) {
  return {
    type: 'Feature' as const,
    id: row.id,
    geometry: { type: 'Point' as const, coordinates: [row.lng, row.lat] },
    properties: { ...row.props, id: row.id, name: row.name },
  };
}

export async function itemsPage(
  db: Db,
  registry: ItemRegistry,
  base: string,
  collectionId: string,
  query: ItemsQuery,
  viewerId: number | null,
) {
  const info = collectionInfo(collectionId);
  const source = registry.source(info.kind);
  if (!source) throw notFound(`The collection "${collectionId}"`);
  if (query.datetime !== undefined && info.kind !== 'event') {
    throw invalidField('datetime', `only applies to meetups; ${info.id} have no time`);
  }
  const filter: CollectionFilter = {
    bbox: query.bbox === undefined ? null : parseBbox(query.bbox),
    during: query.datetime === undefined ? null : parseDatetime(query.datetime),
  };
  const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const offset = query.offset ?? 0;
  const [rows, matched] = await Promise.all([
    findCollectionItems(db, source, viewerId, filter, { limit, offset }),
    countCollectionItems(db, source, viewerId, filter),
  ]);
  const itemsUrl = `${base}${OGC_BASE}/collections/${info.id}/items`;
  const pageUrl = (at: number) => {
    const params = new URLSearchParams();
    if (query.bbox !== undefined) params.set('bbox', query.bbox);
    if (query.datetime !== undefined) params.set('datetime', query.datetime);
    params.set('limit', String(limit));
    if (at > 0) params.set('offset', String(at));
    return `${itemsUrl}?${params}`;
  };
  const links: Link[] = [
    { href: pageUrl(offset), rel: 'self', type: GEOJSON, title: 'This page' },
    { href: `${base}${OGC_BASE}/collections/${info.id}`, rel: 'collection', type: JSON_TYPE, title: info.title },
  ];
  if (offset + rows.length < matched)
    links.push({ href: pageUrl(offset + limit), rel: 'next', type: GEOJSON, title: 'Next page' });
  if (offset > 0)
    links.push({ href: pageUrl(Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON, title: 'Previous page' });
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(feature),
    links,
    timeStamp: new Date().toISOString(),
    numberMatched: matched,
    numberReturned: rows.length,
  };
}

export async function oneItem(
  db: Db,
  registry: ItemRegistry,
  base: string,
  collectionId: string,
  featureId: number,
  viewerId: number | null,
) {
  const info = collectionInfo(collectionId);
  const source = registry.source(info.kind);
  const row = source ? await findCollectionItem(db, source, viewerId, featureId) : undefined;
  if (!row) throw notFound(`The feature ${featureId} of ${info.id}`);
  const collectionUrl = `${base}${OGC_BASE}/collections/${info.id}`;
  return {
    ...feature(row),
    links: [
      { href: `${collectionUrl}/items/${row.id}`, rel: 'self', type: GEOJSON, title: 'This feature' },
      { href: collectionUrl, rel: 'collection', type: JSON_TYPE, title: info.title },
    ],
  };
}
