import { Type, type Static } from 'typebox';
import { GeoJsonPoint, ITEM_KINDS, ItemKindSchema } from '../../geo/schemas.js';
import { ItemFilterFields } from '../../items/schemas.js';

export const MAX_ZOOM = 20;

export const MapQuery = Type.Object(
  {
    bbox: Type.String({
      maxLength: 200,
      description: 'minLng,minLat,maxLng,maxLat in degrees; minLng > maxLng means the view crosses the antimeridian.',
    }),
    zoom: Type.Integer({ minimum: 0, maximum: MAX_ZOOM, description: 'The map zoom level (256-pixel tiles).' }),
    kinds: Type.Optional(
      Type.String({ maxLength: 100, description: `Comma-separated kinds among ${ITEM_KINDS.join(', ')}.` }),
    ),
    ...ItemFilterFields,
  },
  { additionalProperties: false },
);
export type MapQuery = Static<typeof MapQuery>;

const ItemProperties = Type.Object(
  {
    kind: ItemKindSchema,
    itemId: Type.Integer({ description: 'The id within its kind, as in /api/nearby.' }),
    name: Type.String(),
  },
  { $id: 'MapItemProperties', additionalProperties: true, description: 'One item, with the properties its kind adds.' },
);

const ClusterProperties = Type.Object(
  {
    kind: Type.Literal('cluster', {
      description: 'Tells a cluster from an item, whose `kind` is its own (place, group, event, post).',
    }),
    count: Type.Integer({ description: 'Items in the cluster.' }),
    counts: Type.Object(
      {
        event: Type.Optional(Type.Integer()),
        group: Type.Optional(Type.Integer()),
        place: Type.Optional(Type.Integer()),
        post: Type.Optional(Type.Integer()),
      },
      { description: 'Items in the cluster per kind (kinds with none are left out).' },
    ),
    expansionZoom: Type.Integer({ description: 'The zoom at which this cluster splits into smaller ones or items.' }),
  },
  { $id: 'MapClusterProperties', additionalProperties: false },
);

export const MapCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object(
        {
          type: Type.Literal('Feature'),
          id: Type.String({
            description: '"<kind>:<itemId>" for an item, "cluster:<zoom>:<lng>:<lat>" for a cluster; unique.',
          }),
          geometry: GeoJsonPoint,
          properties: Type.Union([ClusterProperties, ItemProperties], {
            description: 'An item or a cluster, told apart by `kind`.',
          }),
        },
        { $id: 'MapFeature' },
      ),
    ),
    clustered: Type.Boolean({
      description:
        'True when the view held too many items to send one by one, so every cluster is a cell of the grid. ' +
        'False: items come one by one, except those whose markers would overlap, which come as clusters.',
    }),
    total: Type.Integer({ description: 'Items in the view.' }),
  },
  { $id: 'MapCollection' },
);
export type MapCollection = Static<typeof MapCollection>;
