/** Recognise PostgreSQL errors by SQLSTATE; both `pg` and PGlite expose it as `code`. */
function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';
export const isSerializationFailure = (error: unknown) => ['40001', '40P01'].includes(sqlState(error) ?? '');
/**
 * A prepared statement whose tables changed shape since it was prepared (a migration applied
 * while the server ran): PostgreSQL refuses to run it again under that name.
 */
export const isStalePreparedStatement = (error: unknown) =>
  sqlState(error) === '0A000' &&
  error instanceof Error &&
  error.message.includes('cached plan must not change result type');

/** Node's socket errors when the database cannot be reached or the connection breaks. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
/** What pg says when a connection ends or cannot be made in time. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'connection is closed',
];

/**
 * The database is away, not the request at fault: it is restarting or shutting down (57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now), a connection failed (class
 * 08), too many connections (53300), or the socket itself failed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) {
    if (['57P01', '57P02', '57P03', '53300'].includes(state) || /^08[0-9A-Z]{3}$/.test(state)) return true;
    if (CONNECTION_ERRNOS.has(state)) return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return error instanceof Error && CONNECTION_MESSAGES.some((text) => error.message.includes(text));
}

/** The disk under the database is full (53100 disk_full, or the file system's ENOSPC). */
export function isStorageFull(error: unknown): boolean {
  const state = sqlState(error);
  if (state === '53100' || state === 'ENOSPC') return true;
  return error instanceof Error && /No space left on device|could not extend file/i.test(error.message);
}

/**
 * A value the request carried that PostgreSQL cannot read as its column's type (22P02, e.g.
 * "Infinity" as a bigint) or that is out of its range (22003, 22008 datetime out of range).
 * Validation should have refused it first; when a route's schema lets one through, it is still
 * the request's fault, not the server's.
 */
export const isUnreadableValue = (error: unknown) => ['22P02', '22003', '22008'].includes(sqlState(error) ?? '');
