/**
 * Demo data: a believable neighbourhood, the same on every machine, so screenshots and manual
 * checks look alike. Only ever written into an empty database, in one transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { coarsen } from '../geo/coarsen.js';
import { pointSql } from '../geo/point.js';
import { hashPassword } from '../modules/accounts/password.js';
import { DEMO_GROUPS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PLACES, type DemoIds, type DemoPersonKey } from './demo-area.js';
import { seedDemoPosts } from './demo-posts.js';
import { seedDemoEvents } from './demo-events.js';

export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<string | null> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const ids = await seedArea(trx, passwordHash);
    const posts = await seedDemoPosts(trx, ids);
    const events = await seedDemoEvents(trx, ids, new Date());
    return (
      `${Object.keys(ids.people).length} people, ${ids.places.size} places, ${ids.groups.size} groups` +
      `, ${posts.posts} posts, ${posts.comments} comments` +
      `, ${events.events} meetups (${events.series} weekly series), ${events.rsvps} RSVPs, ${events.requests} join requests`
    );
  });
}

async function seedArea(db: Kysely<Database>, passwordHash: string): Promise<DemoIds> {
  const people = {} as Record<DemoPersonKey, number>;
  for (const person of DEMO_PEOPLE) {
    const { id } = await db
      .insertInto('users')
      .values({
        email: `${person.key}@demo.vicinity.example`,
        password_hash: passwordHash,
        display_name: person.displayName,
        bio: person.bio,
        home_location: pointSql(person.home),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    people[person.key] = id;
  }

  const places = new Map<string, number>();
  for (const place of DEMO_PLACES) {
    const { id } = await db
      .insertInto('places')
      .values({
        name: place.name,
        kind: place.kind,
        address: `${place.address}, Berlin`,
        description: place.description,
        tags: place.tags,
        location: pointSql(place),
        created_by: people[place.addedBy],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    places.set(place.name, id);
  }

  const groups = new Map<string, number>();
  for (const group of DEMO_GROUPS) {
    const { id } = await db
      .insertInto('groups')
      .values({
        name: group.name,
        description: group.description,
        visibility: group.visibility,
        location: pointSql(group),
        public_location: pointSql(group.visibility === 'private' ? coarsen(group) : group),
        created_by: people[group.owner],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    groups.set(group.key, id);
    const members = [
      { user_id: people[group.owner], role: 'owner' as const },
      ...group.organizers.map((key) => ({ user_id: people[key], role: 'organizer' as const })),
      ...group.members.map((key) => ({ user_id: people[key], role: 'member' as const })),
    ];
    await db
      .insertInto('group_members')
      .values(members.map((member) => ({ ...member, group_id: id })))
      .execute();
  }
  return { people, places, groups };
}
