import { sql, type Kysely } from 'kysely';

/**
 * A series repeats every `repeat_every` weeks or months (1: weekly or monthly, 2: every other
 * week…). Existing series repeat every 1. Splitting a series ("this and following") makes a new
 * row with the same rule, so the bound is the one recurrence.ts checks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table event_series add column repeat_every integer not null default 1
    check (repeat_every between 1 and 12)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table event_series drop column repeat_every`.execute(db);
}
