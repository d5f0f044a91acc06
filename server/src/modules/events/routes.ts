/**
 * Meetups: created by a person or by a group's owners and organizers, found by distance or
 * time, answered with RSVPs (seats, then a waitlist), and exported as iCalendar files.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, errorResponses, invalidField, notFound } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { groupContentVisibleSql } from '../groups/visibility.js';
import { buildCalendar, CALENDAR_CONTENT_TYPE, CALENDAR_LIMIT, requestOrigin } from './calendar.js';
import { CalendarKeyQuery, calendarPath, calendarReader } from './calendar-keys.js';
import { calendarEvents, findEvent, isAttendeePosition, isListPosition, listAttendees, listEvents } from './queries.js';
import { rsvp } from './rsvp.js';
import { cancel, changeEvent, createEvents, timeWindow } from './service.js';
import {
  AttendeeList,
  AttendeesQuery,
  CreateEventBody,
  Event,
  EventCollection,
  EventsQuery,
  NearbyCalendarQuery,
  RsvpAnswer,
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

function sendCalendar(reply: FastifyReply, body: string, filename?: string) {
  reply.type(CALENDAR_CONTENT_TYPE);
  if (filename) reply.header('content-disposition', `attachment; filename="${filename}"`);
  return reply.send(body);
}

export default async function eventRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  async function readEvent(id: number, viewerId: number | null) {
    const event = await findEvent(app.db, id, viewerId);
    if (!event) throw notFound('This meetup');
    return {
      ...event,
      calendarUrl: calendarPath(app.calendarKeys, `/api/events/${id}/calendar.ics`, event.group, viewerId),
    };
  }

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
          'RSVPs and is changed or cancelled on its own. Answers the first occurrence.',
        ...secured,
        body: CreateEventBody,
        response: { 201: Event, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const [first] = await createEvents(app.db, request.body, viewer.id);
      return reply.status(201).send(await readEvent(first!, viewer.id));
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
          'Follow `nextCursor` until it is null. A private group’s meetups are listed only for its members.',
        querystring: EventsQuery,
        response: { 200: EventCollection, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const query = request.query;
      const given = (['lat', 'lng', 'radius'] as const).filter((field) => query[field] !== undefined);
      if (given.length > 0 && given.length < 3) {
        const missing = (['lat', 'lng', 'radius'] as const).find((field) => query[field] === undefined)!;
        throw invalidField(missing, 'is required with lat, lng and radius');
      }
      const near = given.length === 3 ? { point: { lat: query.lat!, lng: query.lng! }, radius: query.radius! } : null;
      const order = query.order ?? (near ? 'distance' : 'soonest');
      if (order === 'distance' && !near)
        throw invalidField('lat', 'is required for order=distance (with lng and radius)');
      const after = query.cursor ? app.cursors.decode(query.cursor, isListPosition) : null;
      if (after && after.o !== order) throw invalidField('cursor', 'belongs to a list in another order');
      const { rows, more } = await listEvents(app.db, {
        near,
        order,
        ...timeWindow(query.from, query.to),
        groupId: query.groupId ?? null,
        seriesId: query.seriesId ?? null,
        placeId: query.placeId ?? null,
        includeCancelled: query.includeCancelled,
        limit: query.limit,
        after,
        viewerId: request.viewer?.id ?? null,
      });
      const last = rows.at(-1);
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
        nextCursor: more && last ? app.cursors.encode(last.position) : null,
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
        description: 'A private group’s meetup answers 404 to anyone who is not a member.',
        params: IdParams,
        response: { 200: Event, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => readEvent(request.params.id, request.viewer?.id ?? null),
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
          'occurrence only, also in a series. Cancelled meetups (409 event_cancelled) and meetups that are over ' +
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
      return readEvent(request.params.id, viewer.id);
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
      return readEvent(request.params.id, viewer.id);
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
          'cancelled (409 event_cancelled) or over (409 event_past) take no RSVPs.',
        ...secured,
        params: IdParams,
        body: RsvpBody,
        response: { 200: RsvpAnswer, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => rsvp(app.db, request.params.id, viewerOf(request).id, request.body.status),
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
    async (request) => {
      const viewerId = request.viewer?.id ?? null;
      await readEvent(request.params.id, viewerId);
      const after = request.query.cursor ? app.cursors.decode(request.query.cursor, isAttendeePosition) : null;
      const { attendees, last, more } = await listAttendees(
        app.db,
        request.params.id,
        request.query.status,
        after,
        request.query.limit,
      );
      return { attendees, nextCursor: more && last ? app.cursors.encode(last) : null };
    },
  );

  api.get(
    '/api/events/:id/calendar.ics',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['calendars'],
        summary: 'One meetup as an iCalendar file',
        description:
          'UID `event-<id>@vicinity`; a cancelled meetup has STATUS:CANCELLED. A private group’s meetup is read ' +
          'with a member’s Authorization header or the key in the meetup’s `calendarUrl`.',
        params: IdParams,
        querystring: CalendarKeyQuery,
        response: { ...calendarResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      let reader = request.viewer?.id ?? null;
      if (request.query.key !== undefined) {
        // A key opens one group's calendars: the meetup's group decides whether it fits.
        const target = await app.db
          .selectFrom('events')
          .select('group_id')
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!target) throw notFound('This meetup');
        reader = calendarReader(app.calendarKeys, request.query.key, target.group_id, reader);
      }
      const [event] = await calendarEvents(app.db, { eventId: request.params.id }, reader, 1);
      if (!event) throw notFound('This meetup');
      return sendCalendar(reply, buildCalendar(event.title, [event], requestOrigin(request)), `meetup-${event.id}.ics`);
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
          `Meetups that have not ended, cancelled ones included (STATUS:CANCELLED), at most ${CALENDAR_LIMIT}. ` +
          'A private group’s feed needs a member’s Authorization header or, for calendar apps, the key in the ' +
          'group’s `calendarUrl` (403 members_only otherwise, also once that member has left).',
        params: IdParams,
        querystring: CalendarKeyQuery,
        response: { ...calendarResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewerId = calendarReader(
        app.calendarKeys,
        request.query.key,
        request.params.id,
        request.viewer?.id ?? null,
      );
      const group = await app.db
        .selectFrom('groups')
        .select(['name', groupContentVisibleSql('groups.id', viewerId).as('visible')])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!group) throw notFound('This group');
      if (!group.visible) throw new AppError(403, 'members_only', 'Only members can see this group’s meetups.');
      const events = await calendarEvents(app.db, { groupId: request.params.id }, viewerId, CALENDAR_LIMIT);
      return sendCalendar(reply, buildCalendar(group.name, events, requestOrigin(request)));
    },
  );

  api.get(
    '/api/calendar.ics',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['calendars'],
        summary: 'Upcoming meetups within a radius as an iCalendar feed',
        description: `Meetups that have not ended, cancelled ones included, soonest first, at most ${CALENDAR_LIMIT}.`,
        querystring: NearbyCalendarQuery,
        response: { ...calendarResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { lat, lng, radius } = request.query;
      const events = await calendarEvents(
        app.db,
        { near: { point: { lat, lng }, radius } },
        request.viewer?.id ?? null,
        CALENDAR_LIMIT,
      );
      const name = `Meetups within ${radius >= 1000 ? `${Math.round(radius / 100) / 10} km` : `${Math.round(radius)} m`}`;
      return sendCalendar(reply, buildCalendar(name, events, requestOrigin(request)));
    },
  );
}
