import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A recurring meetup is a series of ordinary events that share this row; each occurrence has
  // its own RSVPs and can be changed or cancelled on its own.
  await db.schema
    .createTable('event_series')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('freq', 'text', (col) => col.notNull().check(sql`freq in ('weekly', 'monthly')`))
    .addColumn('occurrences', 'integer', (col) => col.notNull().check(sql`occurrences between 1 and 52`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    // The IANA zone the organizer plans in: recurrences keep their local time across DST in it.
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('location', sql`geography(Point, 4326)`, (col) => col.notNull())
    .addColumn('place_id', 'bigint', (col) => col.references('places.id').onDelete('set null'))
    .addColumn('group_id', 'bigint', (col) => col.references('groups.id').onDelete('cascade'))
    .addColumn('organizer_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('capacity', 'integer', (col) => col.check(sql`capacity between 1 and 10000`))
    .addColumn('games', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn('series_id', 'bigint', (col) => col.references('event_series.id'))
    .addColumn('series_index', 'integer', (col) => col.check(sql`series_index >= 1`))
    // Bumped on every change, so calendar clients replace their copy (iCalendar SEQUENCE).
    .addColumn('revision', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('events_ends_after_start', sql`ends_at > starts_at`)
    .addCheckConstraint('events_series_index', sql`(series_id is null) = (series_index is null)`)
    .execute();
  await sql`create index events_location_gist on events using gist (location)`.execute(db);
  await sql`create index events_location_geom_gist on events using gist ((location::geometry))`.execute(db);
  await db.schema.createIndex('events_starts_at_idx').on('events').columns(['starts_at', 'id']).execute();
  await db.schema.createIndex('events_ends_at_idx').on('events').column('ends_at').execute();
  await db.schema.createIndex('events_group_idx').on('events').columns(['group_id', 'starts_at']).execute();
  await db.schema.createIndex('events_series_idx').on('events').columns(['series_id', 'series_index']).execute();
  await db.schema.createIndex('events_place_idx').on('events').column('place_id').execute();

  // Arrival order for RSVPs: taken while the event's row is locked, so it is the order in which
  // RSVPs were decided. Waitlist positions are counted from it, never stored.
  await sql`create sequence event_rsvp_arrival`.execute(db);
  await db.schema
    .createTable('event_rsvps')
    .addColumn('event_id', 'bigint', (col) => col.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('going', 'waitlisted', 'not_going')`))
    .addColumn('arrival', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('event_rsvps_pkey', ['event_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('event_rsvps_queue_idx')
    .on('event_rsvps')
    .columns(['event_id', 'status', 'arrival'])
    .execute();
  await db.schema.createIndex('event_rsvps_user_idx').on('event_rsvps').column('user_id').execute();

  // Asking to join a private group; the row exists while the request waits for an answer.
  await db.schema
    .createTable('group_join_requests')
    .addColumn('group_id', 'bigint', (col) => col.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('message', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('group_join_requests_pkey', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_join_requests_user_idx').on('group_join_requests').column('user_id').execute();
  // Members are listed by role, then in the order they joined.
  await db.schema
    .createIndex('group_members_group_joined_idx')
    .on('group_members')
    .columns(['group_id', 'joined_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('group_members_group_joined_idx').execute();
  await db.schema.dropTable('group_join_requests').execute();
  await db.schema.dropTable('event_rsvps').execute();
  await sql`drop sequence event_rsvp_arrival`.execute(db);
  await db.schema.dropTable('events').execute();
  await db.schema.dropTable('event_series').execute();
}
