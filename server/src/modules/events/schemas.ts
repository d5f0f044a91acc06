import { Type, type Static } from 'typebox';
import { GeoJsonPoint, Latitude, Longitude, MAX_RADIUS_METERS } from '../../geo/schemas.js';
import { Id, PersonRef } from '../../plugins/schemas.js';
import { YEAR_SECONDS, type Within } from '../../plugins/validation.js';
import { Visibility } from '../groups/schemas.js';
import { MAX_INTERVAL, MAX_OCCURRENCES } from './recurrence.js';
import { MediaIdsField, MediaList } from '../media/schemas.js';
import { Game, GameIdsField } from '../games/schemas.js';
import { ModerationNote } from '../posts/schemas.js';

export const MAX_CAPACITY = 10_000;

/** When a meetup may be: from a year ago (entering one afterwards) to ten years ahead. */
const MEETUP_TIMES: Within = { before: YEAR_SECONDS, after: 10 * YEAR_SECONDS };
const DateTime = (description: string) =>
  Type.String({
    format: 'date-time',
    'x-within': MEETUP_TIMES,
    description: `${description} From a year ago to ten years ahead.`,
  });
/** Bounds for searching: wide, but within what every database and calendar can hold. */
const SEARCH_TIMES: Within = { before: 100 * YEAR_SECONDS, after: 100 * YEAR_SECONDS };
const IdOf = (description: string) => Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description });
const Point = (description: string) =>
  Type.Object({ lat: Latitude, lng: Longitude }, { additionalProperties: false, description });

/**
 * A positive integer or null, as one `nullable` schema rather than a union with null: with type
 * coercion on, a union would quietly turn a 0 that fails the first branch into null.
 */
const PositiveOrNull = (maximum: number, description: string) =>
  Type.Unsafe<number | null>({ type: 'integer', minimum: 1, maximum, nullable: true, description });

const Capacity = PositiveOrNull(MAX_CAPACITY, 'Seats, 1 to 10000; omit or null for no limit.');
const Games = Type.Array(Type.String({ minLength: 1, maxLength: 80 }), {
  maxItems: 30,
  description: 'Games to be played, e.g. ["Catan", "Azul"]; trimmed, duplicates dropped.',
});
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone the meetup is planned in, e.g. Europe/Berlin. Recurrences keep their local time in it.',
});

export const LocationPrivacySchema = Type.Union([Type.Literal('exact'), Type.Literal('approximate')], {
  description:
    'approximate: only the organizers and the people going see the exact point and the place; everyone else sees ' +
    'an area (the point snapped to a ~500 m grid) and no address, in every answer. Default: approximate at a place ' +
    'marked a private home, else exact.',
});
const ShortfallSchema = Type.Union([Type.Literal('cancel'), Type.Literal('keep')], {
  description: 'What happens at the deadline if fewer than minPlayers are going: cancel (everyone is told) or keep.',
});
const MinPlayers = PositiveOrNull(MAX_CAPACITY, 'People who must be going for the meetup to happen; null for none.');
const DecideHoursBefore = Type.Integer({
  minimum: 1,
  maximum: 24 * 60,
  description:
    'The deadline for minPlayers, in hours before the start (for a series, before each occurrence). Needs minPlayers.',
});

export const EventStatusSchema = Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')], {
  description: 'Cancelled meetups stay readable and keep their RSVPs, but take no new ones.',
});
export const RsvpStatusSchema = Type.Union([
  Type.Literal('going'),
  Type.Literal('waitlisted'),
  Type.Literal('not_going'),
]);
export const FreqSchema = Type.Union([Type.Literal('weekly'), Type.Literal('monthly')]);

export const RecurrenceBody = Type.Object(
  {
    freq: FreqSchema,
    interval: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_INTERVAL,
        description: `Every how many weeks (weekly) or months (monthly), 1 to ${MAX_INTERVAL}; default 1. E.g. freq weekly, interval 2: every other week.`,
      }),
    ),
    count: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_OCCURRENCES,
        description: `Number of occurrences, 1 to ${MAX_OCCURRENCES}.`,
      }),
    ),
    until: Type.Optional(
      Type.Union([Type.String({ format: 'date' }), Type.String({ format: 'date-time' })], {
        'x-within': MEETUP_TIMES,
        description:
          'Last day (YYYY-MM-DD, in the event’s zone) or instant on which an occurrence may start, inclusive. ' +
          `Give count or until, not both; at most ${MAX_OCCURRENCES} occurrences.`,
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Creates one event per occurrence at the same local time in timeZone. Monthly meetups on the 29th–31st fall ' +
      'on the last day of shorter months.',
  },
);

export const CreateEventBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 20_000 })),
    startsAt: DateTime('ISO 8601 with an offset, e.g. 2026-12-01T19:00:00+01:00; kept to the second.'),
    endsAt: DateTime('ISO 8601 with an offset; after startsAt and in the future.'),
    timeZone: TimeZone,
    placeId: Type.Optional(IdOf('The meetup is at this place and takes its location.')),
    location: Type.Optional(Point('Where the meetup is, when it is not at a place.')),
    groupId: Type.Optional(IdOf('A group event; needs the owner or organizer role in the group.')),
    capacity: Type.Optional(Capacity),
    games: Type.Optional(Games),
    gameIds: Type.Optional(GameIdsField),
    locationPrivacy: Type.Optional(LocationPrivacySchema),
    minPlayers: Type.Optional(MinPlayers),
    decideHoursBefore: Type.Optional(DecideHoursBefore),
    onShortfall: Type.Optional(ShortfallSchema),
    recurrence: Type.Optional(RecurrenceBody),
    mediaIds: Type.Optional(MediaIdsField),
  },
  { additionalProperties: false, description: 'Give either placeId or location.' },
);
export type CreateEventBody = Static<typeof CreateEventBody>;

export const UpdateEventBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 20_000 })),
    startsAt: Type.Optional(DateTime('ISO 8601 with an offset.')),
    endsAt: Type.Optional(DateTime('ISO 8601 with an offset.')),
    timeZone: Type.Optional(TimeZone),
    placeId: Type.Optional(
      PositiveOrNull(Number.MAX_SAFE_INTEGER, 'Move the meetup to this place (and its location); null detaches it.'),
    ),
    location: Type.Optional(Point('A new point; detaches the place unless placeId is given too.')),
    capacity: Type.Optional(
      PositiveOrNull(
        MAX_CAPACITY,
        'Seats, 1 to 10000, or null for no limit. Raising it (or null) promotes people from the waitlist in order. ' +
          'Lowering it below the number going removes nobody: new RSVPs are waitlisted until enough people cancel.',
      ),
    ),
    games: Type.Optional(Games),
    gameIds: Type.Optional(GameIdsField),
    locationPrivacy: Type.Optional(LocationPrivacySchema),
    minPlayers: Type.Optional(MinPlayers),
    decideHoursBefore: Type.Optional(
      Type.Unsafe<number | null>({ ...DecideHoursBefore, nullable: true, description: 'null removes the deadline.' }),
    ),
    onShortfall: Type.Optional(ShortfallSchema),
    mediaIds: Type.Optional(MediaIdsField),
    scope: Type.Optional(
      Type.Union([Type.Literal('this'), Type.Literal('following')], {
        description:
          'For an occurrence of a series: `this` (the default) changes this occurrence only; `following` changes ' +
          'this one and every later one, and splits the series here: the earlier occurrences keep the old ' +
          'series, this one and the later ones form a new series (its `series.id` in the answer). A new ' +
          '`startsAt`/`endsAt` sets the new series’ rhythm: later occurrences move to the same local time and ' +
          'length, keeping their dates’ distance. RSVPs stay; the people going to each changed occurrence are ' +
          'told. Ignored for a meetup that is not part of a series.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateEventBody = Static<typeof UpdateEventBody>;

const PlaceRef = Type.Union(
  [
    Type.Object({ id: Type.Integer(), name: Type.String(), address: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ],
  { description: 'The place the meetup is at; null when it is only a point on the map.' },
);
const GroupRef = Type.Union(
  [Type.Object({ id: Type.Integer(), name: Type.String(), visibility: Visibility }), Type.Null()],
  {
    description: 'The group holding the meetup. A private group’s meetups are seen only by its members.',
  },
);
const SeriesRef = Type.Union(
  [
    Type.Object({
      id: Type.Integer(),
      freq: FreqSchema,
      interval: Type.Integer({ description: 'Every how many weeks or months.' }),
      rule: Type.String({ description: 'The rhythm in plain words: "weekly", "every 2 weeks", "monthly"…' }),
      index: Type.Integer({ description: '1-based position of this occurrence in the series.' }),
      count: Type.Integer({
        description: 'Occurrences in the series (as created, or since it was split by a change to "following").',
      }),
      upcoming: Type.Integer({
        description: 'Occurrences of the series that have not ended and are not cancelled, this one included.',
      }),
    }),
    Type.Null(),
  ],
  {
    description:
      'Set on each occurrence of a recurring meetup. In a list with `collapseSeries=true`, the listed occurrence ' +
      'is the series’ next one (its `startsAt` is the next date).',
  },
);
export const MyRsvp = Type.Union(
  [
    Type.Object({
      status: RsvpStatusSchema,
      waitlistPosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: '1 = next to get a seat; null unless waitlisted.',
      }),
    }),
    Type.Null(),
  ],
  { $id: 'MyRsvp', description: 'Your RSVP; null when you have none or are signed out.' },
);

const eventFields = {
  id: Type.Integer(),
  title: Type.String(),
  startsAt: Type.String({ format: 'date-time', description: 'ISO 8601 with the offset of timeZone at that instant.' }),
  endsAt: Type.String({ format: 'date-time', description: 'ISO 8601 with the offset of timeZone at that instant.' }),
  timeZone: Type.String(),
  location: Type.Object(
    { lat: Type.Number(), lng: Type.Number() },
    { description: 'The exact point, or for you as an outsider of an approximate meetup the centre of its area.' },
  ),
  locationPrivacy: LocationPrivacySchema,
  locationPrecisionMeters: Type.Union([Type.Integer(), Type.Null()], {
    description:
      'null: `location` is the exact point. Otherwise it is the centre of a grid cell this many metres wide; the ' +
      'place and its address are hidden until you are going.',
  }),
  place: PlaceRef,
  group: GroupRef,
  organizer: PersonRef,
  capacity: Type.Union([Type.Integer(), Type.Null()], { description: 'null: no limit.' }),
  going: Type.Integer({ description: 'People going.' }),
  waitlisted: Type.Integer({ description: 'People on the waitlist.' }),
  seatsLeft: Type.Union([Type.Integer(), Type.Null()], { description: 'null when there is no limit; never negative.' }),
  games: Type.Array(Type.String()),
  minPlayers: Type.Union([Type.Integer(), Type.Null()], { description: 'null: no minimum.' }),
  needsPlayers: Type.Integer({
    description: 'How many more people must go for minPlayers ("needs 2 more"); 0 when enough.',
  }),
  playersDeadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When a meetup still short of minPlayers is cancelled or kept (onShortfall).',
  }),
  onShortfall: ShortfallSchema,
  status: EventStatusSchema,
  series: SeriesRef,
  myRsvp: MyRsvp,
  canEdit: Type.Boolean({ description: 'Whether you may change or cancel this meetup.' }),
  url: Type.String({ description: 'Path of the meetup’s page in the web app.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

export const Event = Type.Object(
  {
    ...eventFields,
    description: Type.String({ description: 'Markdown source, for editing.' }),
    descriptionHtml: Type.String({
      description:
        'The description rendered on the server and sanitized exactly as a post’s body (`bodyHtml`): no scripts, ' +
        'styles, event handlers or non-http(s)/mailto links. Safe to insert as HTML.',
    }),
    media: MediaList,
    linkedGames: Type.Array(Game, {
      description: 'The games from the games list this meetup plays (`gameIds`); their names are also in `games`.',
    }),
    calendarUrl: Type.String({
      description:
        'Path of this meetup’s iCalendar file. For a private group’s meetup it carries a key that lets a calendar ' +
        'app read it as you, while you are a member.',
    }),
    moderation: Type.Optional(
      Type.Object(ModerationNote.properties, {
        description:
          'Absent when the meetup is published normally. A removed meetup’s page still answers, for everyone: ' +
          'title "[removed]", description "removed by moderators: <reason>", no organizer, place or photos; its ' +
          'discussion stays readable. A held one is seen by its organizer only.',
      }),
    ),
  },
  { $id: 'Event' },
);
export type Event = Static<typeof Event>;
export type EventSummary = Omit<Event, 'description' | 'descriptionHtml' | 'calendarUrl' | 'media' | 'linkedGames'>;

export const EventCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object(
        {
          type: Type.Literal('Feature'),
          id: Type.String({ description: '"event:<id>", as in /api/nearby.' }),
          geometry: GeoJsonPoint,
          properties: Type.Object(
            {
              kind: Type.Literal('event'),
              name: Type.String({ description: 'The title, as in /api/nearby.' }),
              distanceMeters: Type.Optional(
                Type.Number({ description: 'Geodesic distance; only when lat/lng are given.' }),
              ),
              ...eventFields,
            },
            { $id: 'EventSummary', description: 'The meetup as in GET /api/events/{id}, without its description.' },
          ),
        },
        { $id: 'EventFeature' },
      ),
    ),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page.',
    }),
  },
  { $id: 'EventCollection' },
);

export const EventsQuery = Type.Object(
  {
    lat: Type.Optional(Latitude),
    lng: Type.Optional(Longitude),
    radius: Type.Optional(
      Type.Number({
        minimum: 1,
        maximum: MAX_RADIUS_METERS,
        description: 'Metres; required with lat/lng, boundary included.',
      }),
    ),
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        'x-within': SEARCH_TIMES,
        description: 'Meetups ending after this instant; default now (only upcoming). Within a hundred years of now.',
      }),
    ),
    to: Type.Optional(
      Type.String({
        format: 'date-time',
        'x-within': SEARCH_TIMES,
        description: 'Meetups starting before this instant. Within a hundred years of now.',
      }),
    ),
    groupId: Type.Optional(Id),
    seriesId: Type.Optional(Id),
    placeId: Type.Optional(
      Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Only meetups at this place.' }),
    ),
    order: Type.Optional(
      Type.Union([Type.Literal('distance'), Type.Literal('soonest')], {
        description: 'distance (nearest first, needs lat/lng/radius; the default when they are given) or soonest.',
      }),
    ),
    includeCancelled: Type.Boolean({
      default: false,
      description: 'Also list cancelled meetups (shown as cancelled).',
    }),
    mine: Type.Optional(
      Type.Union([Type.Literal('attending'), Type.Literal('organizing')], {
        description:
          'Only your meetups (needs signing in): `attending`, those you are going to or waitlisted for (see myRsvp ' +
          'for your waitlist position); `organizing`, those you may change (yours, and your groups’ as their owner ' +
          'or organizer).',
      }),
    ),
    needsPlayers: Type.Optional(
      Type.Boolean({ description: 'Only meetups with minPlayers that still need people to go.' }),
    ),
    collapseSeries: Type.Boolean({
      default: false,
      description:
        'true: a recurring series is listed once, as its soonest occurrence among those the other parameters ' +
        'select (see `series` for its rule and how many are upcoming). false (the default): every occurrence, ' +
        'as calendars and `from`/`to` ranges need.',
    }),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'nextCursor from the previous page.' })),
  },
  { additionalProperties: false },
);
export type EventsQuery = Static<typeof EventsQuery>;

export const RsvpBody = Type.Object(
  { status: Type.Union([Type.Literal('going'), Type.Literal('not_going')]) },
  { additionalProperties: false },
);
export type RsvpBody = Static<typeof RsvpBody>;

export const RsvpAnswer = Type.Object(
  {
    status: RsvpStatusSchema,
    waitlistPosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'null unless waitlisted.',
    }),
    going: Type.Integer(),
    waitlisted: Type.Integer(),
    seatsLeft: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'RsvpAnswer' },
);
export type RsvpAnswer = Static<typeof RsvpAnswer>;

export const Attendee = Type.Object(
  {
    user: Type.Object({ id: Type.Integer(), displayName: Type.String() }),
    status: RsvpStatusSchema,
    waitlistPosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    respondedAt: Type.String({ format: 'date-time', description: 'When this answer was given.' }),
  },
  { $id: 'Attendee' },
);

export const AttendeeList = Type.Object(
  {
    attendees: Type.Array(Attendee),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AttendeeList' },
);

export const AttendeesQuery = Type.Object(
  {
    status: Type.Union([Type.Literal('going'), Type.Literal('waitlisted')], { default: 'going' }),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type AttendeesQuery = Static<typeof AttendeesQuery>;

export const NearbyCalendarQuery = Type.Object(
  {
    lat: Latitude,
    lng: Longitude,
    radius: Type.Number({ minimum: 1, maximum: MAX_RADIUS_METERS, description: 'Metres, boundary included.' }),
  },
  { additionalProperties: false },
);
export type NearbyCalendarQuery = Static<typeof NearbyCalendarQuery>;

export const DiscussionSettingsBody = Type.Object(
  {
    locked: Type.Optional(
      Type.Boolean({ description: 'true: the discussion takes no new comments or edits (deleting stays possible).' }),
    ),
    pinnedCommentId: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), Type.Null()], {
        description: 'A comment (not deleted) of this meetup’s discussion to show above it; null unpins.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DiscussionSettingsBody = Static<typeof DiscussionSettingsBody>;

export const PersonalCalendarLink = Type.Object(
  {
    calendarUrl: Type.String({
      description:
        'Path of your own iCalendar feed (the meetups you go to, wait for or organize), with a key that lets a ' +
        'calendar app read it as you. Treat it like a password: whoever has it sees those meetups.',
    }),
  },
  { $id: 'PersonalCalendarLink' },
);

export const PersonalCalendarQuery = Type.Object(
  { key: Type.String({ minLength: 1, maxLength: 200, description: 'The key in your `calendarUrl`.' }) },
  { additionalProperties: false },
);
