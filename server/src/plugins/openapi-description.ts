/** The prose at the top of the OpenAPI document: conventions shared by every endpoint. */
export const API_DESCRIPTION = `
Vicinity answers "what is near me": places, groups, meetups and posts, ranked by distance and
time, never by popularity.

**Conventions**
- Coordinates are WGS84. Request parameters use \`lat\`/\`lng\`; GeoJSON answers use \`[lng, lat]\` (RFC 7946).
- Distances are metres on the WGS84 spheroid (PostGIS geography).
- Lists of places on the map answer a GeoJSON FeatureCollection with \`nextCursor\` (null on the last page).
- Every error answers \`{"error":{"code","message","details"}}\`; validation errors list each
  offending field in \`details\` as \`{field, in, message}\`. Numbers must be finite, and text
  (passwords aside) may not contain control characters other than tab and line breaks.
- Any route may answer \`503 busy\` (with \`Retry-After\`) when too many requests are already waiting,
  and \`409 write_conflict\` when a simultaneous change to the same data made the database give up
  this one; nothing of it was stored, so send it again. While the database is away (restarting,
  unreachable) routes answer \`503 database_unavailable\` with \`Retry-After\`; when its disk is full,
  writes answer \`507 storage_full\`.
- Dates are RFC 3339, years 0001-9999, without leap seconds; fields marked \`x-within\` must lie within
  that many seconds \`before\`/\`after\` the server's clock.
- Answers of 1 kB or more are compressed (Brotli or gzip) for clients that send \`Accept-Encoding\`.
  Request bodies must be sent uncompressed: one with a \`Content-Encoding\` answers \`415 unsupported_encoding\`.
- Send \`Authorization: Bearer <token>\` from \`/api/auth/register\` or \`/api/auth/login\` where a route says so.
- A person's home location is only ever returned snapped to a grid of about 500 m.
- On a server with read replicas, every successful write answers \`X-Read-After\` (a WAL position) and
  sets the cookie \`vicinity_read_after\` for a minute; send either back (browsers send the cookie by
  themselves) and reads come from a replica only once it has that write, so you always see your own.
- Health: \`/api/health/live\` (the process answers), \`/api/health/ready\` (database reachable, migrations
  current, not shutting down), \`/api/health\` (database and PostGIS, and each read replica's lag).
`.trim();
