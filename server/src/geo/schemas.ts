/** Schemas for coordinates and GeoJSON shared by every feature's routes. */
import { Type, type Static } from 'typebox';

export const Latitude = Type.Number({ minimum: -90, maximum: 90, description: 'Degrees north, WGS84.' });
export const Longitude = Type.Number({ minimum: -180, maximum: 180, description: 'Degrees east, WGS84.' });

export const LatLngBody = Type.Object({ lat: Latitude, lng: Longitude }, { additionalProperties: false });
export type LatLngBody = Static<typeof LatLngBody>;

/** A location shown snapped to a ~500 m grid (homes, private groups). */
export const CoarseLocation = Type.Object(
  {
    lat: Type.Number(),
    lng: Type.Number(),
    precisionMeters: Type.Number({ description: 'The location is only accurate to about this many metres.' }),
  },
  { $id: 'CoarseLocation' },
);

export const GeoJsonPoint = Type.Object(
  {
    type: Type.Literal('Point'),
    coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lng, lat]' }),
  },
  { $id: 'GeoJsonPoint' },
);

export const MAX_RADIUS_METERS = 500_000;

/** Query parameters of every "near this point" list. */
export const RadiusQueryFields = {
  lat: Latitude,
  lng: Longitude,
  radius: Type.Number({
    minimum: 1,
    maximum: MAX_RADIUS_METERS,
    description: `Metres, 1 to ${MAX_RADIUS_METERS}; the boundary is included.`,
  }),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'nextCursor from the previous page.' })),
};

/** The kinds of things that appear on the map and in radius queries. */
export const ITEM_KINDS = ['event', 'group', 'place', 'post'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ItemKindSchema = Type.Union([
  Type.Literal('event'),
  Type.Literal('group'),
  Type.Literal('place'),
  Type.Literal('post'),
]);

const itemFields = {
  kind: ItemKindSchema,
  itemId: Type.Integer({
    description:
      'The id within its kind (GET /api/places/{itemId}…). Not named `id`: ids repeat across kinds, and GIS tools ' +
      'take a numeric `id` property for the feature id. The feature’s own `id` is unique.',
  }),
  name: Type.String({ description: 'Display name (a place or group name, an event or post title).' }),
};

/** An item's GeoJSON properties: the fields above plus what its kind adds (placeKind, startsAt…). */
export const FeatureProperties = Type.Object(itemFields, { additionalProperties: true });

export const NearbyFeature = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: Type.String({ description: '"<kind>:<itemId>", unique across kinds.' }),
    geometry: GeoJsonPoint,
    properties: Type.Object(
      {
        ...itemFields,
        distanceMeters: Type.Number({ description: 'Geodesic distance on the WGS84 spheroid, metres.' }),
      },
      { $id: 'NearbyProperties', additionalProperties: true },
    ),
  },
  { $id: 'NearbyFeature' },
);

export const NearbyCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(NearbyFeature),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page.',
    }),
  },
  { $id: 'NearbyCollection' },
);
export type NearbyCollection = Static<typeof NearbyCollection>;
