import { sql, type Kysely } from 'kysely';

/**
 * Full-text search over places, groups, meetups and posts. Text is folded once (accents and case
 * removed, with `unaccent`) and indexed three ways at once: as plain words ('simple', so names
 * such as "Bohnenwerk" match as written) and with German and English stems ("Brettspiele" finds
 * "Brettspiel", "games" finds "game"). Names also get trigram indexes (`pg_trgm`) so a slightly
 * misspelt or partial name still matches. Each document is one immutable function of its row's
 * columns, used both by the index and by the search query so that the index applies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  // unaccent() is only stable (its dictionary could change); naming the dictionary makes the fold
  // fixed for this database, which is what an index needs.
  await sql`
    create function search_fold(text) returns text language sql immutable parallel safe as $$
      select lower(public.unaccent('public.unaccent'::regdictionary, coalesce($1, '')))
    $$`.execute(db);
  await sql`
    create function search_vector(text) returns tsvector language sql immutable parallel safe as $$
      select to_tsvector('simple'::regconfig, public.search_fold($1))
        || to_tsvector('german'::regconfig, public.search_fold($1))
        || to_tsvector('english'::regconfig, public.search_fold($1))
    $$`.execute(db);
  await sql`
    create function search_query(text) returns tsquery language sql immutable parallel safe as $$
      select plainto_tsquery('simple'::regconfig, public.search_fold($1))
        || plainto_tsquery('german'::regconfig, public.search_fold($1))
        || plainto_tsquery('english'::regconfig, public.search_fold($1))
    $$`.execute(db);
  // array_to_string() is only stable in general; for text arrays it is fixed, as an index needs.
  await sql`
    create function search_document(variadic parts text[]) returns text language sql immutable parallel safe as $$
      select array_to_string(parts, ' ')
    $$`.execute(db);
  await sql`
    create function search_words(words text[]) returns text language sql immutable parallel safe as $$
      select array_to_string(words, ' ')
    $$`.execute(db);

  await sql`create index places_search on places using gin
    (search_vector(search_document(name, description, replace(kind, '_', ' '), search_words(tags))))`.execute(db);
  await sql`create index groups_search on groups using gin (search_vector(search_document(name, description)))`.execute(
    db,
  );
  await sql`create index events_search on events using gin
    (search_vector(search_document(title, description, search_words(games))))`.execute(db);
  await sql`create index posts_search on posts using gin (search_vector(search_document(title, body)))`.execute(db);
  for (const [table, column] of [
    ['places', 'name'],
    ['groups', 'name'],
    ['events', 'title'],
    ['posts', 'title'],
  ] as const) {
    await sql`create index ${sql.id(`${table}_name_trgm`)} on ${sql.table(table)}
      using gin (search_fold(${sql.ref(column)}) gin_trgm_ops)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'places_search',
    'groups_search',
    'events_search',
    'posts_search',
    'places_name_trgm',
    'groups_name_trgm',
    'events_name_trgm',
    'posts_name_trgm',
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
  await sql`drop function if exists search_document(text[])`.execute(db);
  await sql`drop function if exists search_words(text[])`.execute(db);
  await sql`drop function if exists search_query(text)`.execute(db);
  await sql`drop function if exists search_vector(text)`.execute(db);
  await sql`drop function if exists search_fold(text)`.execute(db);
}
