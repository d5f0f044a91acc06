/**
 * Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) with the PostGIS extension,
 * running inside the Node process. Kysely talks to it through a dialect that hands out one
 * connection at a time, so a transaction never interleaves with another query.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from './schema.js';

export type EmbeddedSource =
  /** A directory on disk, created on first use and reused afterwards. */
  | { dataDir: string }
  /** A tarball made by PGlite's dumpDataDir(), loaded into memory (used by the tests). */
  | { snapshot: Blob }
  /** A fresh in-memory database. */
  | { memory: true };

export async function openEmbedded(source: EmbeddedSource): Promise<{ db: Kysely<Database>; pglite: PGlite }> {
  let pglite: PGlite;
  if ('dataDir' in source) {
    await mkdir(source.dataDir, { recursive: true });
    pglite = await PGlite.create({ dataDir: source.dataDir, extensions: { postgis } });
  } else if ('snapshot' in source) {
    pglite = await PGlite.create({ loadDataDir: source.snapshot, extensions: { postgis } });
  } else {
    pglite = await PGlite.create({ extensions: { postgis } });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, pglite };
}
