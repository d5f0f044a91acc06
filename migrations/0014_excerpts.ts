import { sql, type Kysely } from 'kysely';
import { excerptOf } from '../server/src/markdown/excerpt.js';

/** Rows made into excerpts per statement while filling the new columns. */
const BATCH = 500;

/**
 * Posts and meetups keep the plain-text excerpt of their Markdown, made when it is written (see
 * server/src/markdown/excerpt.ts), instead of each feed page making it anew for every item.
 * Rows already written are filled here, a batch at a time, from the same function.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table posts add column excerpt text not null default ''`.execute(db);
  await sql`alter table events add column excerpt text not null default ''`.execute(db);
  await fillExcerpts(db);
}

/** Makes the excerpt of every post and meetup with text, from the text as it is stored. */
export async function fillExcerpts(db: Kysely<unknown>): Promise<void> {
  for (const [table, source] of [
    ['posts', 'body'],
    ['events', 'description'],
  ] as const) {
    for (let after = 0; ;) {
      const { rows } = await sql<{ id: number; text: string }>`
        select id, ${sql.ref(source)} as text from ${sql.table(table)}
        where id > ${after}::bigint and ${sql.ref(source)} <> '' order by id limit ${BATCH}::int`.execute(db);
      if (rows.length === 0) break;
      const ids = rows.map((row) => Number(row.id));
      const excerpts = rows.map((row) => excerptOf(row.text));
      await sql`update ${sql.table(table)} t set excerpt = v.excerpt
        from unnest(${ids}::bigint[], ${excerpts}::text[]) as v(id, excerpt) where t.id = v.id`.execute(db);
      after = ids.at(-1)!;
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table posts drop column if exists excerpt`.execute(db);
  await sql`alter table events drop column if exists excerpt`.execute(db);
}
