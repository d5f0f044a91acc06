/** Schemas of the OGC API – Features answers (Part 1: Core, GeoJSON, OpenAPI 3.0). */
import { Type, type Static } from 'typebox';
import { GeoJsonPoint } from '../../geo/schemas.js';

export const Link = Type.Object(
  {
    href: Type.String(),
    rel: Type.String(),
    type: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
  },
  { $id: 'OgcLink' },
);
export type Link = Static<typeof Link>;

export const LandingPage = Type.Object(
  { title: Type.String(), description: Type.String(), links: Type.Array(Link) },
  { $id: 'OgcLandingPage' },
);

export const Conformance = Type.Object({ conformsTo: Type.Array(Type.String()) }, { $id: 'OgcConformance' });

export const Collection = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    description: Type.String(),
    itemType: Type.Literal('feature'),
    crs: Type.Array(Type.String()),
    extent: Type.Object({
      spatial: Type.Object({ bbox: Type.Array(Type.Array(Type.Number())), crs: Type.String() }),
    }),
    links: Type.Array(Link),
  },
  { $id: 'OgcCollection' },
);

export const Collections = Type.Object(
  { links: Type.Array(Link), collections: Type.Array(Collection) },
  { $id: 'OgcCollections' },
);

export const OgcFeature = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: Type.Integer({ description: 'The item’s id within its collection (GET /api/places/{id}…).' }),
    geometry: GeoJsonPoint,
    properties: Type.Object(
      {
        id: Type.Integer({ description: 'The feature’s id again, for GIS tools that read ids from properties.' }),
        name: Type.String(),
      },
      { additionalProperties: true },
    ),
    links: Type.Optional(Type.Array(Link)),
  },
  { $id: 'OgcFeature' },
);

export const OgcFeatureCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(OgcFeature),
    links: Type.Array(Link),
    timeStamp: Type.String({ format: 'date-time' }),
    numberMatched: Type.Integer(),
    numberReturned: Type.Integer(),
  },
  { $id: 'OgcFeatureCollection' },
);

export const CollectionParams = Type.Object(
  { collectionId: Type.String({ maxLength: 40, description: 'places, groups, meetups or posts.' }) },
  { additionalProperties: false },
);

export const FeatureParams = Type.Object(
  {
    collectionId: Type.String({ maxLength: 40, description: 'places, groups, meetups or posts.' }),
    featureId: Type.Integer({ minimum: 1, description: 'The item’s id.' }),
  },
  { additionalProperties: false },
);

/** `f` picks the encoding some clients ask for; JSON is the only one. */
const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('geojson')]));

export const FormatQuery = Type.Object({ f: Format }, { additionalProperties: false });

export const ItemsQuery = Type.Object(
  {
    bbox: Type.Optional(
      Type.String({ maxLength: 200, description: 'minLng,minLat,maxLng,maxLat in degrees (CRS84).' }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Items per page, default 100; more than 1000 answers 1000.' }),
    ),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Items to skip (next links).' })),
    datetime: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'Meetups only: an instant or an interval `start/end` (RFC 3339, `..` for open), meetups overlapping it.',
      }),
    ),
    f: Format,
  },
  { additionalProperties: false },
);
export type ItemsQuery = Static<typeof ItemsQuery>;
