/** What other features may use of meetups. */
export { eventItemSource } from './item-source.js';
export { calendarPath } from './calendar-keys.js';
export { releaseSeatsOf } from './rsvp-service.js';
export { deleteEventsOrganizedBy } from './queries.js';
export { canonicalTimeZone, wallTime, zonedToInstant } from './zoned-time.js';
