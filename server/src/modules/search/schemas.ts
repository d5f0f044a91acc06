import { Type, type Static } from 'typebox';
import { GeoJsonPoint, ITEM_KINDS, ItemKindSchema, Latitude, Longitude, MAX_RADIUS_METERS } from '../../geo/schemas.js';

export const DEFAULT_SEARCH_RADIUS = 50_000;

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Words to find, e.g. "Catan" or "board game café"; accents and case are ignored.',
    }),
    lat: Latitude,
    lng: Longitude,
    radius: Type.Number({
      minimum: 1,
      maximum: MAX_RADIUS_METERS,
      default: DEFAULT_SEARCH_RADIUS,
      description: `Metres around lat/lng to search, 1 to ${MAX_RADIUS_METERS}; default ${DEFAULT_SEARCH_RADIUS}.`,
    }),
    kinds: Type.Optional(
      Type.String({
        maxLength: 100,
        description: `Comma-separated kinds among ${ITEM_KINDS.join(', ')}; all of them when omitted.`,
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const Ranking = Type.Object(
  {
    why: Type.String({ description: 'In plain words, e.g. "Name matches · 1.2 km away".' }),
    score: Type.Number({ description: 'textScore / (1 + distance in km); higher first.' }),
    textScore: Type.Number({
      description:
        'How well the text matches: 2 when the name matches the words, plus the full-text rank of name and ' +
        'description (ts_rank), plus the trigram similarity of the name (0 to 1).',
    }),
    nameMatches: Type.Boolean(),
    formula: Type.String(),
  },
  { $id: 'SearchRanking' },
);

export const SearchCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object(
        {
          type: Type.Literal('Feature'),
          id: Type.String({ description: '"<kind>:<itemId>", as in /api/nearby.' }),
          geometry: GeoJsonPoint,
          properties: Type.Object(
            {
              kind: ItemKindSchema,
              itemId: Type.Integer(),
              name: Type.String(),
              distanceMeters: Type.Number(),
              ranking: Ranking,
            },
            { $id: 'SearchProperties', additionalProperties: true },
          ),
        },
        { $id: 'SearchFeature' },
      ),
    ),
  },
  { $id: 'SearchCollection' },
);
