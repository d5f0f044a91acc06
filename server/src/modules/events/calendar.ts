/**
 * iCalendar (RFC 5545) files for calendar apps, written by ical-generator. Times are written in
 * UTC, which every client converts to its own zone; each occurrence of a series is its own
 * VEVENT, so DST is already settled in the instants. UIDs depend only on the event id, and
 * SEQUENCE counts its changes, so a subscribed calendar updates (or strikes out) the same entry.
 */
import ical, { escape, ICalEventStatus } from 'ical-generator';
import type { CalendarEntry } from './queries.js';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** How many meetups a feed carries at most (the soonest ones). */
export const CALENDAR_LIMIT = 500;

export const eventUid = (id: number) => `event-${id}@vicinity`;

function locationTitle(event: CalendarEntry): string {
  if (event.place) return event.place.address ? `${event.place.name}, ${event.place.address}` : event.place.name;
  const point = `${event.location.lat.toFixed(6)}, ${event.location.lng.toFixed(6)}`;
  return event.locationPrecisionMeters === null
    ? point
    : `Within about ${event.locationPrecisionMeters} m of ${point} (the address is shown to people going)`;
}

export function buildCalendar(name: string, events: CalendarEntry[], origin: string): string {
  const calendar = ical({
    // ical-generator writes the calendar's name as it gets it, while it escapes each event's
    // text: a meetup title holding a line break could otherwise add events of its own. A name
    // shows on one line, so its line breaks become spaces.
    name: escape(name.replace(/\s*[\r\n]+\s*/g, ' '), false),
    prodId: { company: 'Vicinity', product: 'Vicinity', language: 'EN' },
    // Subscribed feeds: ask clients to refresh hourly.
    ttl: 60 * 60,
  });
  for (const event of events) {
    const url = `${origin}${event.url}`;
    const about = [
      event.group ? `${event.group.name}` : null,
      event.games.length > 0 ? `Games: ${event.games.join(', ')}` : null,
    ]
      .filter(Boolean)
      .join('\n');
    calendar.createEvent({
      id: eventUid(event.id),
      sequence: event.revision,
      start: new Date(event.startsAt),
      end: new Date(event.endsAt),
      stamp: new Date(event.updatedAt),
      created: new Date(event.createdAt),
      lastModified: new Date(event.updatedAt),
      summary: event.title,
      description: [event.description, about, url].filter((part) => part !== '').join('\n\n'),
      location: { title: locationTitle(event), geo: { lat: event.location.lat, lon: event.location.lng } },
      url,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
