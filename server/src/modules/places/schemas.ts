import { Type, type Static } from 'typebox';
import { PLACE_KINDS } from '../../db/tables/places-and-groups.js';
import { LatLngBody } from '../../geo/schemas.js';
import { PersonRef } from '../../plugins/schemas.js';
import { MediaIdsField } from '../media/schemas.js';

export const PlaceKindSchema = Type.Union(
  [
    Type.Literal('cafe'),
    Type.Literal('game_store'),
    Type.Literal('library'),
    Type.Literal('bar'),
    Type.Literal('community_centre'),
    Type.Literal('park'),
    Type.Literal('other'),
  ],
  { description: `One of ${PLACE_KINDS.join(', ')}.` },
);

const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 });

export const CreatePlaceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    kind: PlaceKindSchema,
    location: LatLngBody,
    address: Type.Optional(Type.String({ maxLength: 200 })),
    privateHome: Type.Optional(
      Type.Boolean({
        description:
          'Someone’s home: listed and shown to others only as an area (~500 m) with no address, and meetups here ' +
          'default to `locationPrivacy: approximate`.',
      }),
    ),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    tags: Type.Optional(Tags),
    mediaIds: Type.Optional(MediaIdsField),
  },
  { additionalProperties: false },
);
export type CreatePlaceBody = Static<typeof CreatePlaceBody>;

export const UpdatePlaceBody = Type.Partial(CreatePlaceBody, { additionalProperties: false, minProperties: 1 });
export type UpdatePlaceBody = Static<typeof UpdatePlaceBody>;

export const Place = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    kind: PlaceKindSchema,
    address: Type.Union([Type.String(), Type.Null()]),
    description: Type.String(),
    tags: Type.Array(Type.String()),
    location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
    privateHome: Type.Boolean(),
    locationPrecisionMeters: Type.Union([Type.Integer(), Type.Null()], {
      description: 'null: `location` is exact. Otherwise a private home’s area, this many metres wide (no address).',
    }),
    createdBy: PersonRef,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    media: Type.Array(Type.Ref('Media'), { description: 'Its photos; the first is its cover.' }),
  },
  { $id: 'Place' },
);
export type Place = Static<typeof Place>;
