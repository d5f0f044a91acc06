/** Meetups ("events" in the API): listing, reading, creating, cancelling, and RSVPs. */
import { coordinate, getJson, request, withQuery } from './http';
import type { LatLng } from './map';
import type { Query, RequestBody, Schema } from './types';

export type Meetup = Schema<'Event'>;
/** A meetup as lists give it: without its description, with its distance when asked near a point. */
export type MeetupSummary = Schema<'EventSummary'>;
export type MeetupCollection = Schema<'EventCollection'>;
export type NewMeetup = RequestBody<'/api/events', 'post'>;
export type RsvpAnswer = Schema<'RsvpAnswer'>;

export interface MeetupQuery {
  near?: { center: LatLng; radiusMeters: number };
  groupId?: number;
  placeId?: number;
  order?: Query<'/api/events'>['order'];
  limit?: number;
  cursor?: string | null;
}

export function listMeetups(
  { near, groupId, placeId, order, limit, cursor }: MeetupQuery,
  signal?: AbortSignal,
): Promise<MeetupCollection> {
  // A series is one row, its next meetup (whose page lists the other dates).
  const url = withQuery<Query<'/api/events'>>('/api/events', {
    collapseSeries: true,
    lat: near ? coordinate(near.center.lat) : undefined,
    lng: near ? coordinate(near.center.lng) : undefined,
    radius: near ? Math.max(1, Math.round(near.radiusMeters)) : undefined,
    groupId,
    placeId,
    order,
    limit,
    cursor: cursor ?? undefined,
  });
  return getJson(url, signal);
}

export function getMeetup(id: number, signal?: AbortSignal): Promise<Meetup> {
  return getJson(`/api/events/${id}`, signal);
}

export function createMeetup(meetup: NewMeetup): Promise<Meetup> {
  return request('POST', '/api/events', { body: meetup });
}

/** Cancels the meetup; it stays readable, marked cancelled. */
export function cancelMeetup(id: number): Promise<Meetup> {
  return request('DELETE', `/api/events/${id}`);
}

export function answerRsvp(
  id: number,
  status: RequestBody<'/api/events/{id}/rsvp', 'put'>['status'],
): Promise<RsvpAnswer> {
  return request('PUT', `/api/events/${id}/rsvp`, { body: { status } });
}

export type MeetupChanges = RequestBody<'/api/events/{id}', 'patch'>;
export type Attendee = Schema<'Attendee'>;

/**
 * Changes a meetup; RSVPs are kept, and the people going are told. For a series, `scope:
 * 'following'` changes this meetup and the later ones.
 */
export function updateMeetup(id: number, changes: MeetupChanges): Promise<Meetup> {
  return request('PATCH', `/api/events/${id}`, { body: changes });
}

/** Who is going (in arrival order) or waitlisted (in waitlist order). */
export function listAttendees(
  id: number,
  status: 'going' | 'waitlisted',
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<Schema<'AttendeeList'>> {
  const url = withQuery<Query<'/api/events/{id}/attendees'>>(`/api/events/${id}/attendees`, {
    status,
    limit: 200,
    cursor: cursor ?? undefined,
  });
  return getJson(url, signal);
}

/** Your upcoming meetups: those you answered going to (or wait for), or those you may change. */
export function listMyMeetups(mine: 'attending' | 'organizing', signal?: AbortSignal): Promise<MeetupCollection> {
  const url = withQuery<Query<'/api/events'>>('/api/events', {
    mine,
    order: 'soonest',
    limit: 100,
    collapseSeries: true,
  });
  return getJson(url, signal);
}

/** The address of your own meetups' calendar feed (with the key a calendar app reads it by). */
export function getMyCalendarLink(signal?: AbortSignal): Promise<Schema<'PersonalCalendarLink'>> {
  return getJson('/api/me/calendar', signal);
}

/** The path of the calendar feed of meetups within a radius. */
export function areaCalendarPath(center: LatLng, radiusMeters: number): string {
  return withQuery<Query<'/api/calendar.ics'>>('/api/calendar.ics', {
    lat: coordinate(center.lat),
    lng: coordinate(center.lng),
    radius: Math.max(1, Math.round(radiusMeters)),
  });
}

/** Every meetup of a series, ended ones too, soonest first: the other dates on a meetup's page. */
export function listSeries(seriesId: number, signal?: AbortSignal): Promise<MeetupCollection> {
  const url = withQuery<Query<'/api/events'>>('/api/events', {
    seriesId,
    order: 'soonest',
    from: new Date(Date.now() - 366 * 24 * 3_600_000).toISOString(),
    includeCancelled: true,
    limit: 60,
  });
  return getJson(url, signal);
}
