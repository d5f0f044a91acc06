import { Type, type Static } from 'typebox';
import { Latitude, Longitude } from '../../geo/schemas.js';
import { EXCERPT_LENGTH } from '../../markdown/excerpt.js';
import { Visibility } from '../groups/schemas.js';
import { YEAR_SECONDS } from '../../plugins/validation.js';
import {
  AGE_SCALE_HOURS,
  DEFAULT_FEED_RADIUS_METERS,
  DISTANCE_SCALE_METERS,
  FEED_PAGE_SIZE,
  FORMULA_TEXT,
  GROUP_BOOST,
  MAX_FEED_RADIUS_METERS,
} from './score.js';

/** How far ahead of the server's clock a client's `asOf` may be (clock skew). */
export const MAX_AS_OF_SKEW_SECONDS = 5 * 60;

export const MAX_FEED_PAGE = 500;

export const FeedQuerySchema = Type.Object(
  {
    lat: Type.Optional(Latitude),
    lng: Type.Optional(Longitude),
    radius: Type.Number({
      minimum: 1,
      maximum: MAX_FEED_RADIUS_METERS,
      default: DEFAULT_FEED_RADIUS_METERS,
      description: `Metres, 1 to ${MAX_FEED_RADIUS_METERS} (default ${DEFAULT_FEED_RADIUS_METERS}); the boundary is included.`,
    }),
    mode: Type.Union([Type.Literal('nearby'), Type.Literal('latest')], {
      default: 'nearby',
      description: '`nearby` (default) orders by the score; `latest` by creation time, newest first.',
    }),
    page: Type.Integer({
      minimum: 1,
      maximum: MAX_FEED_PAGE,
      default: 1,
      description: `${FEED_PAGE_SIZE} items a page, from 1.`,
    }),
    asOf: Type.Optional(
      Type.String({
        format: 'date-time',
        'x-within': { before: YEAR_SECONDS, after: MAX_AS_OF_SKEW_SECONDS },
        description:
          'The clock to rank by: send back the `asOf` of page 1 with every later page, so ages, the set of ' +
          'items (nothing created after it) and therefore the order stay the same across pages. From a year ' +
          'ago to five minutes ahead of the server’s clock (skew).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FeedQuerySchema = Static<typeof FeedQuerySchema>;

const Factor = Type.Object(
  {
    name: Type.Union(
      [Type.Literal('distance'), Type.Literal('age'), Type.Literal('startsIn'), Type.Literal('groupMember')],
      {
        description:
          '`distance`: value in metres; `age`: hours since posting; `startsIn`: hours until an event starts (0 once started); ' +
          '`groupMember`: value is the group’s name.',
      },
    ),
    value: Type.Union([Type.Number(), Type.String()]),
    effect: Type.Number({ description: 'The multiplier this factor contributes to the score.' }),
  },
  { $id: 'FeedFactor' },
);

const Why = Type.Object(
  {
    score: Type.Number({ description: 'The product of the factors’ effects: the number the feed was ordered by.' }),
    factors: Type.Array(Factor),
    text: Type.String({
      description: 'The same numbers in words, e.g. "1.2 km away · posted 3 hours ago · in your group Catan Crew".',
    }),
  },
  { $id: 'FeedWhy', description: 'Why this item is here, from the numbers that placed it.' },
);

export const FeedItem = Type.Object(
  {
    kind: Type.Union([Type.Literal('post'), Type.Literal('event')]),
    id: Type.Integer(),
    title: Type.String(),
    excerpt: Type.String({ description: `Plain text (not HTML), at most ${EXCERPT_LENGTH} characters.` }),
    location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
    distanceMeters: Type.Number(),
    createdAt: Type.String({ format: 'date-time' }),
    startsAt: Type.Optional(Type.String({ format: 'date-time', description: 'Events only.' })),
    timeZone: Type.Optional(Type.String({ description: 'Events only: the IANA time zone of the meetup.' })),
    group: Type.Optional(Type.Object({ id: Type.Integer(), name: Type.String(), visibility: Visibility })),
    place: Type.Optional(Type.Object({ id: Type.Integer(), name: Type.String() })),
    url: Type.String({ description: 'The web page of the item: /posts/{id} or /events/{id}.' }),
    why: Why,
  },
  { $id: 'FeedItem' },
);
export type FeedItem = Static<typeof FeedItem>;

export const FeedAnswer = Type.Object(
  {
    items: Type.Array(FeedItem),
    page: Type.Integer(),
    nextPage: Type.Union([Type.Integer(), Type.Null()], { description: 'null on the last page.' }),
    asOf: Type.String({ format: 'date-time', description: 'The clock used; pass it back for the next pages.' }),
    mode: Type.Union([Type.Literal('nearby'), Type.Literal('latest')]),
    radius: Type.Number(),
    origin: Type.Union([Type.Literal('query'), Type.Literal('home')], {
      description: '`home` when lat/lng were left out and your saved home location was used.',
    }),
    formula: Type.Object(
      {
        text: Type.String(),
        distanceScaleMeters: Type.Number(),
        ageScaleHours: Type.Number(),
        groupBoost: Type.Number(),
      },
      { description: 'The ranking formula and its constants.' },
    ),
  },
  { $id: 'FeedAnswer' },
);
export type FeedAnswer = Static<typeof FeedAnswer>;

export const FORMULA = {
  text: FORMULA_TEXT,
  distanceScaleMeters: DISTANCE_SCALE_METERS,
  ageScaleHours: AGE_SCALE_HOURS,
  groupBoost: GROUP_BOOST,
};
