/**
 * Demo meetups: about thirty over the coming weeks at the demo places, most of them held by the
 * demo groups, including two weekly game nights, a few with limited seats (two of them full,
 * with a waitlist) and one cancelled. Dates are relative to the moment of seeding (Berlin local
 * time); everything else is the same on every machine. A couple of join requests wait in the
 * private groups.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { cancelEvent, insertEvents } from '../modules/events/queries.js';
import { expandRecurrence, type Occurrence } from '../modules/events/recurrence.js';
import { applyRsvp } from '../modules/events/rsvp-service.js';
import { wallTime, zonedToInstant } from '../modules/events/zoned-time.js';
import { DEMO_PLACES, type DemoIds, type DemoPersonKey } from './demo-area.js';

const ZONE = 'Europe/Berlin';

interface DemoMeetup {
  title: string;
  description: string;
  place: string;
  /** A key of DEMO_GROUPS, or null for a meetup someone holds on their own. */
  group: string | null;
  organizer: DemoPersonKey;
  /** At least this many days after the day of seeding, on the next `weekday` (0 = Sunday) if given. */
  day: number;
  weekday?: number;
  /** Local start time and length. */
  at: string;
  minutes: number;
  capacity?: number;
  games?: string[];
  /** A weekly series of this many occurrences. */
  weekly?: { count: number };
  /** In the order they answered; beyond the capacity they are waitlisted. */
  going?: DemoPersonKey[];
  cancelled?: boolean;
}

const MEETUPS: DemoMeetup[] = [
  {
    title: 'Catan Tuesday',
    description:
      'Base game on two tables, Seafarers on the third. Beginners welcome: we explain the rules in ten minutes.',
    place: 'Reuterkiez Rösterei',
    group: 'catan',
    organizer: 'mia',
    day: 1,
    at: '19:00',
    minutes: 180,
    capacity: 8,
    games: ['Catan', 'Catan: Seafarers'],
    weekday: 2,
    weekly: { count: 8 },
    going: ['mia', 'jonas', 'tom'],
  },
  {
    title: 'Thursday Board Game Night',
    description: 'Open table night at Würfel & Zucker. Bring a game or pick one of the 600 on the shelves.',
    place: 'Würfel & Zucker',
    group: 'boardgamers',
    organizer: 'jonas',
    day: 1,
    at: '18:30',
    minutes: 240,
    capacity: 16,
    games: ['Azul', 'Wingspan', 'Codenames', 'The Crew'],
    weekday: 4,
    weekly: { count: 8 },
    going: ['jonas', 'lea', 'ana'],
  },
  {
    title: 'Friday Night Magic: Draft',
    description: 'Booster draft, three rounds, prizes in store credit. Entry includes three packs.',
    place: 'Drachenhort Spiele',
    group: 'mtg',
    organizer: 'sam',
    day: 3,
    weekday: 5,
    at: '18:00',
    minutes: 240,
    capacity: 4,
    games: ['Magic: The Gathering'],
    going: ['sam', 'jonas', 'tom', 'lea', 'mia', 'ana'],
  },
  {
    title: 'Blitz Evening',
    description: 'Five-minute games, round robin. Boards and clocks provided.',
    place: 'Riemann Kneipe',
    group: 'chess',
    organizer: 'tom',
    day: 4,
    weekday: 5,
    at: '19:30',
    minutes: 150,
    capacity: 3,
    games: ['Chess'],
    going: ['jonas', 'tom', 'mia', 'lea'],
  },
  {
    title: 'Outdoor Chess in Viktoriapark',
    description: 'Bring a board if you have one. Called off if it rains.',
    place: 'Viktoriapark',
    group: 'chess',
    organizer: 'jonas',
    day: 6,
    weekday: 6,
    at: '14:00',
    minutes: 180,
    games: ['Chess'],
    going: ['mia'],
    cancelled: true,
  },
  {
    title: 'Book Circle: The Remains of the Day',
    description: 'We discuss Kazuo Ishiguro’s novel. Coffee is on the library’s reading room table.',
    place: 'Bibliothek am Wassertor',
    group: 'books',
    organizer: 'lea',
    day: 9,
    at: '18:00',
    minutes: 120,
    capacity: 12,
    going: ['lea', 'ana', 'sam'],
  },
  {
    title: 'Sunday Canal Run',
    description: 'An easy 5 km along the Landwehrkanal, then breakfast. Every pace is fine.',
    place: 'Kaffeeklatsch am Kanal',
    group: 'runners',
    organizer: 'ana',
    day: 5,
    weekday: 0,
    at: '09:30',
    minutes: 90,
    going: ['ana', 'tom'],
  },
  {
    title: 'Kite Afternoon on the Field',
    description: 'Spare kites for first-timers. Meet at the Oderstraße entrance.',
    place: 'Tempelhofer Feld, Oderstraße entrance',
    group: 'kites',
    organizer: 'jonas',
    day: 12,
    weekday: 6,
    at: '13:00',
    minutes: 180,
    going: ['jonas', 'ana'],
  },
  {
    title: 'Seed Swap and Planting Day',
    description: 'Bring seeds, cuttings or just gloves. Tea and soup from the garden kitchen.',
    place: 'Prinzessinnengarten',
    group: 'gardeners',
    organizer: 'lea',
    day: 13,
    weekday: 6,
    at: '11:00',
    minutes: 240,
    going: ['ana', 'lea'],
  },
  {
    title: 'Queer Game Night',
    description: 'Party games and cooperative games in the back room. Friends welcome.',
    place: 'Die Schachtel',
    group: 'queer',
    organizer: 'sam',
    day: 7,
    at: '19:00',
    minutes: 210,
    capacity: 14,
    games: ['Just One', 'Hanabi', 'Wavelength'],
    going: ['jonas', 'sam', 'lea'],
  },
  {
    title: 'Toddler Morning',
    description: 'Breakfast for parents, building blocks for the little ones.',
    place: 'Milchbar Graefe',
    group: 'parents',
    organizer: 'ana',
    day: 8,
    at: '09:30',
    minutes: 120,
    going: ['ana', 'mia'],
  },
  {
    title: 'Two-Player Games Afternoon',
    description: 'Patchwork, Jaipur, 7 Wonders Duel: quick games for pairs. Just drop by.',
    place: 'Weserkaffee',
    group: null,
    organizer: 'tom',
    day: 10,
    at: '15:00',
    minutes: 180,
    games: ['Patchwork', 'Jaipur', '7 Wonders Duel'],
    going: ['tom'],
  },
  {
    title: 'Go for Beginners',
    description: 'Learn Go on 9×9 boards in an afternoon. No experience needed.',
    place: 'Tasse & Turm',
    group: null,
    organizer: 'jonas',
    day: 11,
    at: '16:00',
    minutes: 150,
    capacity: 6,
    games: ['Go'],
    going: ['tom', 'lea'],
  },
  {
    title: 'Pub Quiz Team Night',
    description: 'Looking for two more people for our quiz team. We are bad at sport questions.',
    place: 'Zum Goldenen Würfel',
    group: null,
    organizer: 'sam',
    day: 2,
    weekday: 3,
    at: '20:00',
    minutes: 150,
    capacity: 6,
    going: ['sam', 'mia'],
  },
  {
    title: 'D&D One-Shot in the Study Room',
    description: 'A three-hour adventure with pre-made characters. Dice provided.',
    place: 'Amerika-Gedenkbibliothek',
    group: null,
    organizer: 'lea',
    day: 15,
    at: '17:00',
    minutes: 180,
    capacity: 5,
    games: ['Dungeons & Dragons'],
    going: ['lea', 'tom', 'sam'],
  },
  {
    title: 'Board Game Swap Meet',
    description: 'Trade the games you no longer play. Tables from the shop; bring a price list.',
    place: 'Meeple Markt',
    group: 'boardgamers',
    organizer: 'mia',
    day: 16,
    at: '12:00',
    minutes: 240,
    going: ['mia', 'jonas'],
  },
];

/** Waiting to be let into the private groups. */
const JOIN_REQUESTS: { group: string; person: DemoPersonKey; message: string }[] = [
  { group: 'queer', person: 'tom', message: 'Hi! I am new in Kreuzberg and would love to join a game night.' },
  { group: 'parents', person: 'lea', message: 'My daughter turns two next month.' },
];

const placesByName = new Map(DEMO_PLACES.map((place) => [place.name, place]));

/** The local start of a meetup `day` days after `now`, moved on to its weekday if it has one. */
function localStart(now: Date, meetup: DemoMeetup): Date {
  const today = wallTime(now.getTime(), ZONE);
  const [hour, minute] = meetup.at.split(':').map(Number) as [number, number];
  let day = today.day + meetup.day;
  if (meetup.weekday !== undefined) {
    const weekday = new Date(Date.UTC(today.year, today.month - 1, day)).getUTCDay();
    day += (meetup.weekday - weekday + 7) % 7;
  }
  return new Date(zonedToInstant({ ...today, day, hour, minute, second: 0, millisecond: 0 }, ZONE));
}

export async function seedDemoEvents(
  db: Kysely<Database>,
  ids: DemoIds,
  now: Date,
): Promise<{ events: number; series: number; rsvps: number; requests: number }> {
  let events = 0;
  let rsvps = 0;
  for (const meetup of MEETUPS) {
    const place = placesByName.get(meetup.place);
    if (!place) throw new Error(`Demo meetup "${meetup.title}" is at an unknown place "${meetup.place}".`);
    const startsAt = localStart(now, meetup);
    const first: Occurrence = { startsAt, endsAt: new Date(startsAt.getTime() + meetup.minutes * 60_000) };
    const occurrences = meetup.weekly
      ? expandRecurrence(first, ZONE, { freq: 'weekly', count: meetup.weekly.count })
      : [first];
    const created = await insertEvents(
      db,
      {
        title: meetup.title,
        description: meetup.description,
        timeZone: ZONE,
        location: { lat: place.lat, lng: place.lng },
        locationPrivacy: 'exact',
        minPlayers: null,
        decideHoursBefore: null,
        onShortfall: 'keep',
        placeId: ids.places.get(meetup.place) ?? null,
        groupId: meetup.group === null ? null : (ids.groups.get(meetup.group) ?? null),
        organizerId: ids.people[meetup.organizer],
        capacity: meetup.capacity ?? null,
        games: meetup.games ?? [],
      },
      occurrences,
      meetup.weekly ? { freq: 'weekly', interval: 1 } : null,
    );
    events += created.length;
    // RSVPs for the next occurrence only: later ones are still open.
    const event = { id: created[0]!, capacity: meetup.capacity ?? null };
    for (const person of meetup.going ?? []) {
      await applyRsvp(db, event, ids.people[person], 'going');
      rsvps += 1;
    }
    if (meetup.cancelled) await cancelEvent(db, event.id);
  }

  for (const request of JOIN_REQUESTS) {
    await db
      .insertInto('group_join_requests')
      .values({
        group_id: ids.groups.get(request.group)!,
        user_id: ids.people[request.person],
        message: request.message,
      })
      .execute();
  }
  return { events, series: MEETUPS.filter((m) => m.weekly).length, rsvps, requests: JOIN_REQUESTS.length };
}
