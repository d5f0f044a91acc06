/**
 * Messages between the server's thread and the embedded database's thread (embedded-thread.ts
 * and embedded-worker.ts). Everything in them survives structured cloning: rows as PGlite
 * parsed them (dates, numbers, JSON values), errors as plain fields.
 */

/**
 * Where the database's files come from; a snapshot travels as bytes. A data directory with a
 * snapshot is a restore: the snapshot is unpacked into the (new, empty) directory.
 */
export type EmbeddedOpening =
  { dataDir: string; snapshot?: ArrayBuffer } | { snapshot: ArrayBuffer } | { memory: true };

/** What the server's thread may ask. */
export type EmbeddedAsk =
  | { op: 'query'; sql: string; parameters: readonly unknown[] }
  | { op: 'listen'; channel: string }
  | { op: 'snapshot' }
  | { op: 'close' };

/** An ask with the id its reply will carry. */
export type EmbeddedRequest = EmbeddedAsk & { id: number };

/** An error's message with the fields PostgreSQL gave it (`code`, `constraint`, `detail`, …). */
export interface EmbeddedErrorFields {
  message: string;
  [field: string]: string | number | undefined;
}

export type EmbeddedReply =
  | { id: number; rows: unknown[]; affectedRows: number | undefined }
  | { id: number; listening: true }
  | { id: number; snapshot: ArrayBuffer }
  | { id: number; closed: true }
  | { id: number; error: EmbeddedErrorFields };

/** A NOTIFY on a channel the server listens to, sent as it happens (it answers no request). */
export interface EmbeddedNotification {
  notification: { channel: string; payload: string };
}

/** The first message of the database's thread: open, or why not. */
export type EmbeddedStarted = { started: true } | { failed: EmbeddedErrorFields };

/** Copies what can cross threads of an error thrown by PGlite or its file system. */
export function errorFields(error: unknown): EmbeddedErrorFields {
  const fields: EmbeddedErrorFields = { message: '' };
  if (typeof error === 'object' && error !== null) {
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
    }
  }
  const message = error instanceof Error ? error.message : '';
  // PGlite's file system throws errors with only an errno (20 is ENOTDIR, for instance).
  fields.message =
    message || (fields.errno !== undefined ? `file system error (errno ${fields.errno})` : String(error));
  return fields;
}

/** An Error on this side with the fields of one thrown on the other (so `code` is still there). */
export function errorFromFields({ message, ...fields }: EmbeddedErrorFields): Error {
  return Object.assign(new Error(message), fields);
}
