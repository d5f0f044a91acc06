import { sql, type Kysely } from 'kysely';

/**
 * A small shared list of board games (name, player count, play time) that meetups, groups and
 * places link to: what a meetup will play, what a group or a place owns ("games we own").
 * Names are unique regardless of case, so one game is one row however people spell its case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table games (
    id bigint generated always as identity primary key,
    name text not null check (char_length(name) between 1 and 120),
    min_players integer check (min_players between 1 and 100),
    max_players integer check (max_players between 1 and 100),
    play_minutes integer check (play_minutes between 1 and 1440),
    created_by bigint references users(id) on delete set null,
    created_at timestamptz not null default now(),
    check (min_players is null or max_players is null or min_players <= max_players)
  )`.execute(db);
  await sql`create unique index games_name_key on games (lower(name))`.execute(db);

  for (const [table, owner, references] of [
    ['event_games', 'event_id', 'events'],
    ['group_games', 'group_id', 'groups'],
    ['place_games', 'place_id', 'places'],
  ] as const) {
    await sql`create table ${sql.table(table)} (
      ${sql.ref(owner)} bigint not null references ${sql.table(references)}(id) on delete cascade,
      game_id bigint not null references games(id) on delete cascade,
      position integer not null,
      primary key (${sql.ref(owner)}, game_id)
    )`.execute(db);
    await sql`create index ${sql.raw(`${table}_game_idx`)} on ${sql.table(table)} (game_id)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['event_games', 'group_games', 'place_games', 'games']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
