import { Type, type Static } from 'typebox';
import { PLACE_KINDS } from '../db/tables/places-and-groups.js';
import { ITEM_KINDS, RadiusQueryFields } from '../geo/schemas.js';
import { THIS_WEEK_DAYS } from './item-filter.js';

/**
 * Filters shared by /api/nearby and /api/map. Each keeps only the kinds it applies to; several
 * must all hold (so a place kind with a meetup filter leaves nothing).
 */
export const ItemFilterFields = {
  placeKinds: Type.Optional(
    Type.String({
      maxLength: 200,
      description: `Comma-separated place kinds among ${PLACE_KINDS.join(', ')}: only places of those kinds (other kinds are left out).`,
    }),
  ),
  thisWeek: Type.Optional(
    Type.Boolean({
      description: `Only meetups that start within the next ${THIS_WEEK_DAYS} days or are on now (other kinds are left out).`,
    }),
  ),
  needsPlayers: Type.Optional(
    Type.Boolean({
      description: 'Only meetups with minPlayers that still need people to go (other kinds are left out).',
    }),
  ),
};

export const NearbyQuery = Type.Object(
  {
    ...RadiusQueryFields,
    kinds: Type.Optional(
      Type.String({
        maxLength: 100,
        description: `Comma-separated kinds among ${ITEM_KINDS.join(', ')}; all of them when omitted.`,
      }),
    ),
    ...ItemFilterFields,
  },
  { additionalProperties: false },
);
export type NearbyQuery = Static<typeof NearbyQuery>;

/** The same parameters for the one-kind lists (/api/places, /api/groups). */
export const RadiusQuery = Type.Object(RadiusQueryFields, { additionalProperties: false });
export type RadiusQuery = Static<typeof RadiusQuery>;
