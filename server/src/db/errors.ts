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
