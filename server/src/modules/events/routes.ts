/**
 * Meetups: created by a person or by a group's owners and organizers, found by distance or
 * time, answered with RSVPs (seats, then a waitlist), and exported as iCalendar files.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../plugins/errors.js';
import { GEOJSON_TYPE, producesGeoJson } from '../../plugins/json-text.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { CALENDAR_CONTENT_TYPE, CALENDAR_LIMIT, type CalendarContext } from './calendar.js';
import { CalendarKeyQuery, personalCalendarOwner, personalCalendarPath } from './calendar-keys.js';
import {
  areaCalendar,
  eventCalendar,
  groupCalendar,
  installationUidHost,
  personalCalendar,
  type CalendarFile,
} from './calendar-service.js';
import { rsvp } from './rsvp-service.js';
import { PLAYER_CHECK_JOB, playerCheckJob } from './players.js';
import { commentOnEvent, eventDiscussion, setEventDiscussion } from './discussion-service.js';
import {
  BRANCHES_PER_PAGE,
  CommentAnswer,
  CreateCommentBody,
  Discussion,
  DiscussionQuery,
  MAX_COMMENT_DEPTH,
} from '../posts/schemas.js';
import { attendeesPage, cancel, changeEvent, createEvents, listEventsPage, readEvent } from './service.js';
import {
  AttendeeList,
  AttendeesQuery,
  CreateEventBody,
  DiscussionSettingsBody,
  Event,
  EventCollection,
  EventsQuery,
  NearbyCalendarQuery,
  RsvpAnswer,
  PersonalCalendarLink,
  PersonalCalendarQuery,
  RsvpBody,
  UpdateEventBody,
} from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };
const calendarResponse = {
  200: {
    description: 'An iCalendar (RFC 5545) file.',
    content: { 'text/calendar': { schema: Type.String() } },
  },
};

function sendCalendar(reply: FastifyReply, file: CalendarFile) {
  reply.type(CALENDAR_CONTENT_TYPE);
  if (file.filename) reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  return reply.send(file.body);
}

export default async function eventRoutes(app: FastifyInstance, { publicUrl }: { publicUrl: string | null }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  app.jobs.handle(PLAYER_CHECK_JOB, playerCheckJob(app.db));

  // UIDs name the installation: PUBLIC_URL's host, else its random id, read once when first needed.
  let uidHost: Promise<string> | null = publicUrl ? Promise.resolve(new URL(publicUrl).hostname) : null;
  const calendarContext = async (request: FastifyRequest): Promise<CalendarContext> => {
    uidHost ??= installationUidHost(app.db);
    return { origin: app.publicOrigin(request), uidHost: await uidHost };
  };

  const read = (id: number, viewerId: number | null) =>
    readEvent(app.calendarKeys, app.db, id, viewerId, app.mediaKeys);

  api.post(
    '/api/events',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['events'],
        summary: 'Create a meetup, or a recurring series of them',
        description:
          'Give `placeId` (the meetup takes the place’s location) or `location`. A group’s meetup (`groupId`) needs ' +
          'the owner or organizer role in the group and is visible to whoever may see the group’s content. With ' +
          '`recurrence`, one event per occurrence is created (all or none), sharing a `series`; each has its own ' +
          'RSVPs and is changed or cancelled on its own (or with the later ones: PATCH with `scope=following`). ' +
          '`recurrence.interval` spaces them out: weekly with interval 2 is every other week. Answers the first ' +
          'occurrence.',
        ...secured,
        body: CreateEventBody,
        response: { 201: Event, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const [first] = await createEvents(app.db, request.body, viewer.id);
      return reply.status(201).send(await read(first!, viewer.id));
    },
  );

  api.get(
    '/api/events',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['events'],
        summary: 'Upcoming meetups near a point or of a group, nearest or soonest first',
        description:
          'A GeoJSON FeatureCollection like /api/nearby. Without `from`, only meetups that have not ended are listed; ' +
          '`from`/`to` select meetups overlapping that window (URL-encode the `+` of an offset as %2B). Cancelled ' +
          'meetups are left out unless `includeCancelled=true`. `order=distance` (the default with lat/lng/radius) ' +
          'sorts by geodesic distance then id; `order=soonest` (the default otherwise) by start time then id. ' +
          'Follow `nextCursor` until it is null. A private group’s meetups are listed only for its members. ' +
          'Every occurrence of a series is listed, unless `collapseSeries=true`: then each series once, as its ' +
          'soonest occurrence the other parameters select (what the web app’s lists show).',
        querystring: EventsQuery,
        ...producesGeoJson,
        response: { 200: EventCollection, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      reply.type(GEOJSON_TYPE);
      const { rows, nextCursor } = await listEventsPage(app.cursors, app.db, request.query, request.viewer?.id ?? null);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map(({ summary, distance }) => ({
          type: 'Feature' as const,
          id: `event:${summary.id}`,
          geometry: { type: 'Point' as const, coordinates: [summary.location.lng, summary.location.lat] },
          properties: {
            ...summary,
            kind: 'event' as const,
            name: summary.title,
            ...(distance === null ? {} : { distanceMeters: distance }),
          },
        })),
        nextCursor,
      };
    },
  );

  api.get(
    '/api/events/:id',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['events'],
        summary: 'One meetup, with seats, waitlist and your RSVP',
        description:
          'A private group’s meetup answers 404 to anyone who is not a member. A meetup removed by moderators ' +
          'answers a placeholder with the reason (`moderation`); one held for review answers only its organizer.',
        params: IdParams,
        response: { 200: Event, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => read(request.params.id, request.viewer?.id ?? null),
  );

  api.patch(
    '/api/events/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['events'],
        summary: 'Change a meetup you organize',
        description:
          'For a group’s meetup, its owners and organizers may change it; otherwise its organizer. Changes one ' +
          'occurrence only, also in a series, unless `scope` is `following` (this one and the later ones; the ' +
          'series is split here). Cancelled meetups (409 event_cancelled) and meetups that are over ' +
          '(409 event_past) cannot be changed.',
        ...secured,
        params: IdParams,
        body: UpdateEventBody,
        response: { 200: Event, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      await changeEvent(app.db, request.params.id, viewer.id, request.body);
      return read(request.params.id, viewer.id);
    },
  );

  api.delete(
    '/api/events/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['events'],
        summary: 'Cancel a meetup you organize',
        description:
          'The meetup is kept with status `cancelled` (shown as cancelled, RSVPs kept, no new ones). Cancels one ' +
          'occurrence only, also in a series. Cancelling again answers the same; a meetup that is over answers 409 event_past.',
        ...secured,
        params: IdParams,
        response: { 200: Event, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      await cancel(app.db, request.params.id, viewer.id);
      return read(request.params.id, viewer.id);
    },
  );

  api.put(
    '/api/events/:id/rsvp',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['events'],
        summary: 'Answer whether you are going',
        description:
          '`going` takes a seat while there are any, then joins the waitlist in arrival order (`waitlisted` with a ' +
          '`waitlistPosition`, 1 = next). `not_going` gives a seat back, and the first waitlisted person gets it ' +
          'at once. Repeating an answer changes nothing (you keep your place in the waitlist). Meetups that are ' +
          'cancelled (409 event_cancelled), over (409 event_past) or removed by moderators (409 event_removed, for "going") take no RSVPs.',
        ...secured,
        params: IdParams,
        body: RsvpBody,
        response: { 200: RsvpAnswer, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => rsvp(app.db, request.params.id, viewerOf(request).id, request.body.status),
  );

  api.get(
    '/api/events/:id/comments',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['events'],
        summary: 'A page of a meetup’s discussion',
        description:
          'The same discussion as a post’s: a tree of comments, ' +
          `up to ${BRANCHES_PER_PAGE} top-level comments per page (oldest first) with all their replies; follow ` +
          '`nextBranchCursor` with `?branchCursor=`. Each occurrence of a series has its own discussion. ' +
          '`pinned` is the comment the organizers pinned; `locked` means no new comments. Edit and delete ' +
          'comments with `/api/comments/{id}`. A private group’s meetup is 404 to non-members.',
        params: IdParams,
        querystring: DiscussionQuery,
        response: { 200: Discussion, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      eventDiscussion(app.cursors, app.db, request.params.id, request.viewer?.id ?? null, request.query.branchCursor),
  );

  api.post(
    '/api/events/:id/comments',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['events'],
        summary: 'Ask or answer in a meetup’s discussion',
        description:
          `\`parentId\` names the comment replied to, at any depth up to ${MAX_COMMENT_DEPTH} levels; it must belong to ` +
          'this meetup (400 otherwise). A top-level comment notifies the organizer, a reply the comment’s author. ' +
          'A locked discussion answers 409 `discussion_locked`; a reply to a deleted comment 409 `comment_deleted`.',
        ...secured,
        params: IdParams,
        body: CreateCommentBody,
        response: { 201: CommentAnswer, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const comment = await commentOnEvent(app.db, request.params.id, viewerOf(request).id, request.body);
      return reply.status(201).send(comment);
    },
  );

  api.patch(
    '/api/events/:id/discussion',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['events'],
        summary: 'Pin a comment or lock a meetup’s discussion',
        description:
          'For those who may change the meetup (its organizer, or a group’s owners and organizers). Answers the ' +
          'first page of the discussion.',
        ...secured,
        params: IdParams,
        body: DiscussionSettingsBody,
        response: { 200: Discussion, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      await setEventDiscussion(app.db, request.params.id, viewer.id, request.body);
      return eventDiscussion(app.cursors, app.db, request.params.id, viewer.id);
    },
  );

  api.get(
    '/api/events/:id/attendees',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['events'],
        summary: 'Who is going, or who is on the waitlist',
        description: 'In arrival order; for `status=waitlisted` that is waitlist order, with each position.',
        params: IdParams,
        querystring: AttendeesQuery,
        response: { 200: AttendeeList, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => attendeesPage(app.cursors, app.db, request.params.id, request.query, request.viewer?.id ?? null),
  );

  api.get(
    '/api/events/:id/calendar.ics',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['calendars'],
        summary: 'One meetup as an iCalendar file',
        description:
          'UID `event-<id>@<host>` (PUBLIC_URL’s host, else this installation’s id), local times with their TZID and ' +
          'VTIMEZONE; a cancelled meetup has STATUS:CANCELLED. A private group’s meetup is read ' +
          'with a member’s Authorization header or the key in the meetup’s `calendarUrl`.',
        params: IdParams,
        querystring: CalendarKeyQuery,
        response: { ...calendarResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const viewerId = request.viewer?.id ?? null;
      const file = await eventCalendar(
        app.calendarKeys,
        app.db,
        id,
        request.query.key,
        viewerId,
        await calendarContext(request),
      );
      return sendCalendar(reply, file);
    },
  );

  api.get(
    '/api/groups/:id/calendar.ics',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['calendars'],
        summary: 'A group’s upcoming meetups as an iCalendar feed',
        description:
          `Meetups that have not ended, cancelled ones included (STATUS:CANCELLED), at most ${CALENDAR_LIMIT}. A series ` +
          'is one VEVENT with an RRULE (UID `series-<id>@<host>`), cancelled occurrences as EXDATE and occurrences ' +
          'changed on their own as VEVENTs with its UID and a RECURRENCE-ID. ' +
          'A private group’s feed needs a member’s Authorization header or, for calendar apps, the key in the ' +
          'group’s `calendarUrl` (403 members_only otherwise, also once that member has left).',
        params: IdParams,
        querystring: CalendarKeyQuery,
        response: { ...calendarResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const viewerId = request.viewer?.id ?? null;
      const file = await groupCalendar(
        app.calendarKeys,
        app.db,
        id,
        request.query.key,
        viewerId,
        await calendarContext(request),
      );
      return sendCalendar(reply, file);
    },
  );

  api.get(
    '/api/calendar.ics',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['calendars'],
        summary: 'Upcoming meetups within a radius as an iCalendar feed',
        description: `Meetups that have not ended, cancelled ones included, soonest first, at most ${CALENDAR_LIMIT}; series as in a group’s feed.`,
        querystring: NearbyCalendarQuery,
        response: { ...calendarResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { lat, lng, radius } = request.query;
      const viewerId = request.viewer?.id ?? null;
      return sendCalendar(
        reply,
        await areaCalendar(app.db, { lat, lng }, radius, viewerId, await calendarContext(request)),
      );
    },
  );

  api.get(
    '/api/me/calendar',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['calendars'],
        summary: 'The address of your own meetups’ calendar feed',
        ...secured,
        response: { 200: PersonalCalendarLink, ...errorResponses(401) },
      },
    },
    async (request) => ({ calendarUrl: personalCalendarPath(app.calendarKeys, viewerOf(request).id) }),
  );

  api.get(
    '/api/me/calendar.ics',
    {
      schema: {
        tags: ['calendars'],
        summary: 'Your own meetups as an iCalendar feed',
        description:
          `The meetups you go to, are waiting for or organize that have not ended, at most ${CALENDAR_LIMIT}, each ` +
          'an entry of its own. Read with the key in the `calendarUrl` of GET /api/me/calendar, as calendar apps do.',
        querystring: PersonalCalendarQuery,
        response: { ...calendarResponse, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const owner = personalCalendarOwner(app.calendarKeys, request.query.key);
      return sendCalendar(reply, await personalCalendar(app.db, owner, await calendarContext(request)));
    },
  );
}
