/**
 * Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) with the PostGIS extension,
 * running inside the Node process. Kysely talks to it through a dialect that hands out one
 * connection at a time, so a transaction never interleaves with another query.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
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

/** PostGIS, and btree_gist for indexes over (location, time). */
const extensions = { postgis, btree_gist };

export async function openEmbedded(source: EmbeddedSource): Promise<{ db: Kysely<Database>; pglite: PGlite }> {
  let pglite: PGlite;
  if ('dataDir' in source) {
    await mkdir(source.dataDir, { recursive: true });
    pglite = await PGlite.create({ dataDir: source.dataDir, extensions });
  } else if ('snapshot' in source) {
    pglite = await PGlite.create({ loadDataDir: source.snapshot, extensions });
  } else {
    pglite = await PGlite.create({ extensions });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, pglite };
}
