import { Type, type Static } from 'typebox';
import { ITEM_KINDS, RadiusQueryFields } from '../geo/schemas.js';

export const NearbyQuery = Type.Object(
  {
    ...RadiusQueryFields,
    kinds: Type.Optional(
      Type.String({
        maxLength: 100,
        description: `Comma-separated kinds among ${ITEM_KINDS.join(', ')}; all of them when omitted.`,
      }),
    ),
    needsPlayers: Type.Optional(
      Type.Boolean({
        description: 'Only meetups with minPlayers that still need people to go (other kinds are left out).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NearbyQuery = Static<typeof NearbyQuery>;

/** The same parameters for the one-kind lists (/api/places, /api/groups). */
export const RadiusQuery = Type.Object(RadiusQueryFields, { additionalProperties: false });
export type RadiusQuery = Static<typeof RadiusQuery>;
