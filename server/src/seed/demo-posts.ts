/**
 * Demo posts and their discussions for the demo neighbourhood. Times are "hours before seeding",
 * so a fresh demo always has a feed that looks alive; everything else is the same on every run.
 * Authors only post and reply in groups they belong to (see DEMO_GROUPS).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { latSql, lngSql, pointSql, type LatLng } from '../geo/point.js';
import { excerptOf } from '../markdown/excerpt.js';
import { renderMarkdown } from '../markdown/render.js';
import type { DemoIds, DemoPersonKey } from './demo-area.js';

interface DemoComment {
  by: DemoPersonKey;
  hoursAgo: number;
  body: string;
  replies?: DemoComment[];
}

interface DemoPost {
  by: DemoPersonKey;
  hoursAgo: number;
  title: string;
  body: string;
  /** Where it is: a demo place (by name), else a demo group (by key), else an explicit point. */
  place?: string;
  group?: string;
  location?: LatLng;
  comments: DemoComment[];
}

const HOUR = 3_600_000;

export const DEMO_POSTS: DemoPost[] = [
  {
    by: 'mia',
    hoursAgo: 5,
    title: 'A beginner’s guide to board games in Kreuzberg',
    place: 'Würfel & Zucker',
    group: 'boardgamers',
    body: `Every few weeks someone asks at our table where to start if you have never played anything beyond Monopoly. Here is the longer answer I keep giving, so I can link to it instead.

## Where to play

- **Würfel & Zucker** (Schönleinstraße) has six hundred games and staff who will teach you one. There is a table fee, and it is worth it for the first few visits.
- **Weserkaffee** keeps a shelf of well-loved classics and stays open late. Bring a friend and pick whatever looks fun from the box art.
- Our own **Kreuzberg Board Gamers** night is free, and we always keep one table for people who have never played.

## What to try first

Start with games that take under an hour and explain themselves in ten minutes: *Ticket to Ride*, *Kingdomino*, *Azul*, *Codenames*. Once those feel easy, try something with a little more planning, like *Carcassonne* or *Splendor*.

## How not to feel lost

Ask the table to play one open round where everyone shows their hand and talks through their choices. Nobody minds; most of us learned exactly that way. And if you lose badly the first time, that means the game has something left to teach you.`,
    comments: [
      {
        by: 'tom',
        hoursAgo: 4.5,
        body: 'This is exactly what I needed when I moved here. Is the beginners’ table every week or only on some nights?',
        replies: [
          {
            by: 'mia',
            hoursAgo: 4.2,
            body: 'Every week. Jonas or I sit there for the first hour, then whoever feels confident takes over.',
            replies: [
              {
                by: 'tom',
                hoursAgo: 4,
                body: 'Great. Should I bring anything, or just myself?',
                replies: [
                  {
                    by: 'jonas',
                    hoursAgo: 3.6,
                    body: 'Just yourself. If you own a small game you like, bring it; we love seeing what people play at home.',
                    replies: [
                      {
                        by: 'tom',
                        hoursAgo: 3.1,
                        body: 'I have a battered copy of *Lost Cities* from my grandmother. Is a two-player game any use at a group night?',
                        replies: [
                          {
                            by: 'lea',
                            hoursAgo: 2.4,
                            body: 'Very much so. Two-player games fill the gaps while a big table finishes, and *Lost Cities* is a lovely one.',
                            replies: [
                              {
                                by: 'tom',
                                hoursAgo: 1.9,
                                body: 'Then it is coming with me on Tuesday. Thank you all.',
                              },
                            ],
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        by: 'sam',
        hoursAgo: 4.1,
        body: 'I would add *The Crew* to the list of first games. Cooperative, fast, and nobody feels left behind.',
        replies: [
          {
            by: 'ana',
            hoursAgo: 3.3,
            body: 'Seconded. It is also the only card game my mother will play with us.',
          },
        ],
      },
      {
        by: 'ana',
        hoursAgo: 1.2,
        body: 'The open-round advice is gold. It made me enjoy games instead of dreading them.',
      },
    ],
  },
  {
    by: 'mia',
    hoursAgo: 26,
    title: 'Why Catan night is moving to the Rösterei’s back room',
    group: 'catan',
    body: `After two years at the long table by the window, we are moving Catan night to the back room of the **Reuterkiez Rösterei**, starting next Tuesday.

The short version: we outgrew the window table. With the *Seafarers* expansion on a good night we need room for two full boards, and the staff were kind enough to offer the back room for free as long as we order something.

The room has better light, a door that closes (no more shouting over the espresso machine) and step-free access from the courtyard, which matters to two of our regulars.

Same time, 19:00. Ring the bell at the courtyard door if it is closed.`,
    comments: [
      {
        by: 'jonas',
        hoursAgo: 24,
        body: 'Good move. Is the courtyard door on Reuterstraße or around the corner?',
        replies: [
          {
            by: 'mia',
            hoursAgo: 23,
            body: 'On Reuterstraße, the green door left of the café. I will tape a sign to it for the first few weeks.',
          },
        ],
      },
      { by: 'tom', hoursAgo: 20, body: 'Step-free access is a big deal. Thanks for thinking of it.' },
    ],
  },
  {
    by: 'jonas',
    hoursAgo: 50,
    title: 'Blitz etiquette: a few house rules for Friday nights',
    group: 'chess',
    body: `Friday blitz has grown, which is wonderful, and it has also led to a few arguments that nobody enjoyed. So here are the house rules we agreed on at the last club evening.

1. **Touch-move applies**, but we do not call it on newcomers during their first month. Remind them kindly instead.
2. **One hand** for moving and pressing the clock.
3. **Illegal move** means your opponent gets two minutes added, not a forfeit. We are a club, not a tournament.
4. **Flag falls** are claimed by the player, never by spectators.
5. Spectators **stay silent** during a game. Talk about it afterwards, over a drink.

If you think any of these are wrong, say so here. They are ours to change.`,
    comments: [
      {
        by: 'tom',
        hoursAgo: 48,
        body: 'I like rule 3 a lot. Losing on an illegal move in your first blitz game is a good way to never come back.',
        replies: [
          {
            by: 'mia',
            hoursAgo: 46,
            body: 'Agreed, though I would limit it to casual boards. The rated games on the first Friday should follow the normal rules.',
            replies: [
              {
                by: 'jonas',
                hoursAgo: 44,
                body: 'Fair. Rated games follow FIDE blitz rules; everything else follows the house rules. I will add that.',
                replies: [{ by: 'tom', hoursAgo: 40, body: 'Sounds right to me.' }],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    by: 'sam',
    hoursAgo: 20,
    title: 'Notes from the first game night of the season',
    group: 'queer',
    body: `Thank you to everyone who came out on Thursday. We were fourteen, which is a record, and four of you were new.

A few things we learned:

- The small bar at **Die Schachtel** fits three tables comfortably and four uncomfortably. We will ask about the back room for next time.
- *Wavelength* was the hit of the night. Party games work better than heavy strategy when half the room has just met.
- Several people asked for an earlier start. We will try 18:30 next month and see how it goes.

As always, this group is private so that people can come without being seen here. Please do not share names or photos outside it.`,
    comments: [
      {
        by: 'lea',
        hoursAgo: 18,
        body: 'It was a lovely evening. 18:30 would help those of us who start work early.',
        replies: [
          {
            by: 'jonas',
            hoursAgo: 16,
            body: 'I will ask Die Schachtel about the back room this week.',
            replies: [{ by: 'sam', hoursAgo: 14, body: 'Thank you! Let us know what they say.' }],
          },
        ],
      },
    ],
  },
  {
    by: 'lea',
    hoursAgo: 70,
    title: 'The Helene-Nathan-Bibliothek now lends board games',
    place: 'Helene-Nathan-Bibliothek',
    body: `Some good news from work: the library on Karl-Marx-Straße now lends board games, the same way it lends books. Your library card is all you need.

The first shelf has about eighty games, mostly family and party games, and a handful of heavier ones chosen by readers who voted in the spring. Loans are two weeks, and you can renew once if nobody is waiting.

We check the pieces when a game comes back. If something is missing when you open a box, tell the desk; you will not be charged for what you did not lose.

If there is a game you would like to see on the shelf, leave a suggestion here and I will pass it on.`,
    comments: [
      {
        by: 'ana',
        hoursAgo: 66,
        body: 'This is wonderful. Would *Wingspan* be too fiddly to lend, with all its little eggs?',
        replies: [
          {
            by: 'lea',
            hoursAgo: 60,
            body: 'It is on the list. We bag the small pieces and count them, so fiddly is fine.',
          },
        ],
      },
      {
        by: 'jonas',
        hoursAgo: 58,
        body: 'A suggestion: *Hive*. Small, sturdy, and it teaches people to love abstract games.',
      },
    ],
  },
  {
    by: 'ana',
    hoursAgo: 10,
    title: 'Running along the Landwehrkanal in winter',
    group: 'runners',
    body: `Our Sunday run continues through the winter, and a few of you asked how to keep it pleasant when the canal path is dark and cold. Here is what works for me.

**Layers, not a thick jacket.** You will be warm after the first kilometre. A thin long-sleeve, a windproof layer and gloves you can stuff in a pocket are enough down to about minus five.

**Light yourself up.** The stretch past the Urbanhafen has almost no street lights. A small clip-on light at the front and one at the back means cyclists see you.

**Watch the cobbles.** Near the Admiralbrücke the path turns to cobbles that ice over first. We slow to a walk there, and nobody minds.

We meet at 9:30 by the Kaffeeklatsch am Kanal and finish there too, which is the real reason most of us come.`,
    comments: [
      {
        by: 'tom',
        hoursAgo: 8,
        body: 'Thanks for the light tip. Is the pace still easy in winter?',
        replies: [{ by: 'ana', hoursAgo: 7, body: 'Easier, if anything. We talk more and run less when it is cold.' }],
      },
    ],
  },
  {
    by: 'tom',
    hoursAgo: 2,
    title: 'Looking for a Go partner near Bergmannstraße',
    place: 'Café Bergmann',
    body: `I learned Go at university and have barely played since. I am probably around 15 kyu, which is to say I know the rules and lose a lot.

I would love to find someone to play with once a week, at Café Bergmann or anywhere in walking distance. I have a board and stones. Any strength is welcome: if you are stronger, I will learn; if you are newer, I am happy to teach what I know.

Weekday evenings after 19:00 suit me best.`,
    comments: [
      {
        by: 'jonas',
        hoursAgo: 1.5,
        body: 'I play Go too, probably a little stronger than you. Wednesday evenings work for me.',
        replies: [
          {
            by: 'tom',
            hoursAgo: 1.2,
            body: 'Wednesday is perfect. Café Bergmann at 19:30?',
            replies: [{ by: 'jonas', hoursAgo: 0.8, body: 'See you there. I will bring a clock, just in case.' }],
          },
        ],
      },
    ],
  },
  {
    by: 'jonas',
    hoursAgo: 90,
    title: 'What is worth buying second-hand at Meeple Markt',
    place: 'Meeple Markt',
    body: `Meeple Markt on Sonnenallee is the best second-hand game shop I know, and also the easiest place to waste money on a box of missing pieces. A few things I look for before buying:

- **Shrink-wrap means little.** Plenty of re-wrapped games are incomplete. Ask to open the box; they always say yes.
- **Count the cards in card-driven games.** A missing card in *Pandemic* is a nuisance. A missing card in *Twilight Struggle* is a different game.
- **Check the edition.** Older printings sometimes have rules that were later fixed. Look up the errata before you play.

My best finds there: *El Grande* for twelve euros, complete, and a first edition of *Tigris & Euphrates* that I have played forty times since.`,
    comments: [
      {
        by: 'sam',
        hoursAgo: 85,
        body: 'They also buy games back at fair prices, which keeps the shelves interesting.',
        replies: [
          {
            by: 'mia',
            hoursAgo: 80,
            body: 'And they donate what they cannot sell to the Kiezbibliothek, which I love.',
          },
        ],
      },
    ],
  },
  {
    by: 'lea',
    hoursAgo: 30,
    title: 'This month’s novel: a few thoughts before we meet',
    group: 'books',
    body: `We meet on Thursday to talk about this month’s novel, and since a few of you told me you were only halfway through, here are some questions to carry with you as you finish. No spoilers beyond the first half.

- Why do you think the author tells the story backwards for the first hundred pages?
- The city is almost a character. Which scenes made it feel most alive to you?
- Is the narrator someone you trust? When did that change, if it did?

As usual we meet at the **Bibliothek am Wassertor** reading room at 19:00, and there will be tea.`,
    comments: [
      {
        by: 'ana',
        hoursAgo: 28,
        body: 'I stopped trusting the narrator at the wedding scene. Curious whether anyone else did.',
        replies: [
          {
            by: 'sam',
            hoursAgo: 27,
            body: 'Earlier for me, at the letter. But let us save it for Thursday!',
            replies: [{ by: 'ana', hoursAgo: 26, body: 'Deal. My lips are sealed until then.' }],
          },
        ],
      },
    ],
  },
  {
    by: 'ana',
    hoursAgo: 40,
    title: 'Seed swap at the Prinzessinnengarten: what to bring',
    group: 'gardeners',
    body: `The spring seed swap is coming up at the Prinzessinnengarten, and here is how it works for anyone who has not been before.

Bring seeds you saved yourself or have left over, in paper envelopes labelled with the plant, the variety and the year. Glassine or paper is better than plastic: seeds need to breathe.

If you have nothing to bring, come anyway. There are always more seeds than people, and the point is that they get planted.

We will also have a table for seedlings, so if your windowsill tomatoes got out of hand, this is their chance at a new home.`,
    comments: [
      {
        by: 'lea',
        hoursAgo: 36,
        body: 'I have far too many chilli seeds from last summer. Are hot varieties welcome?',
        replies: [{ by: 'ana', hoursAgo: 35, body: 'Very welcome. Label them with a warning!' }],
      },
    ],
  },
  {
    by: 'jonas',
    hoursAgo: 120,
    title: 'Kite day on Tempelhofer Feld: wind report and lessons',
    group: 'kites',
    body: `Saturday gave us a steady westerly around 20 km/h, which is about as good as Tempelhof gets. Eleven kites in the air at once, and only one tangle.

Lessons for next time:

1. **Launch downwind of the path.** Cyclists on the runway do not look up.
2. **Bring a ground stake.** Holding a two-line kite for an hour is tiring, and a stake lets you take a break.
3. **The Oderstraße entrance** is the closest to the open field; the main gate is a long walk with gear.

Next kite day is planned for the first windy Saturday of next month. I will post the date here once the forecast looks right.`,
    comments: [
      {
        by: 'tom',
        hoursAgo: 110,
        body: 'Best afternoon I have had in Berlin. Which kite would you recommend for a first one of my own?',
        replies: [
          {
            by: 'jonas',
            hoursAgo: 100,
            body: 'A simple delta. Forgiving, cheap, flies in light wind. You can borrow mine until you decide.',
          },
        ],
      },
    ],
  },
  {
    by: 'sam',
    hoursAgo: 15,
    title: 'Drafting for beginners at Drachenhort',
    place: 'Drachenhort Spiele',
    body: `Every first Friday we run a beginner-friendly draft at Drachenhort Spiele on Skalitzer Straße. If you have never drafted, here is what to expect.

Each player opens a pack, takes one card and passes the rest. Repeat until the packs are empty, three times over, then build a forty-card deck from what you picked. It sounds complicated and becomes obvious after the first pack.

For your first draft, pick the **strongest card** every time and sort out colours later. Most of the fun is in seeing what comes around.

The entry fee covers the packs, and you keep every card you draft.`,
    comments: [
      {
        by: 'jonas',
        hoursAgo: 12,
        body: 'Is there a loaner deck for people who want to try a game or two before drafting?',
        replies: [{ by: 'sam', hoursAgo: 11, body: 'Yes, two of them behind the counter. Just ask.' }],
      },
    ],
  },
  {
    by: 'tom',
    hoursAgo: 8,
    title: 'Quiet places for a two-player game on a weekday evening',
    location: { lat: 52.4915, lng: 13.3985 },
    body: `I have been trying to find places near Gneisenaustraße where two people can play a game for an hour on a weekday without shouting over music. My list so far:

- **Tasse & Turm** on Mehringdamm has chess sets at every table and is quiet after 20:00.
- **Riemann Kneipe** is quiet on Mondays and Tuesdays; the chess club meets there, so nobody looks twice at a board.
- **Café Bergmann** has a garden that is lovely in summer and a back corner that works in winter.

Where do you go? I am especially looking for somewhere open past 22:00.`,
    comments: [
      {
        by: 'jonas',
        hoursAgo: 6,
        body: 'Weserkaffee is open late and has a quiet upstairs, though it is a longer walk from you.',
      },
      {
        by: 'lea',
        hoursAgo: 5,
        body: 'The Amerika-Gedenkbibliothek has study rooms you can book, if silence is what you need.',
      },
    ],
  },
  {
    by: 'lea',
    hoursAgo: 60,
    title: 'A plea for teaching games well',
    location: { lat: 52.4993, lng: 13.4178 },
    body: `I have taught a lot of games at a lot of tables, and I have seen more people put off by a bad explanation than by a bad game. So, a plea.

**Start with how to win.** Before any rule, tell people what they are trying to do. Everything else makes sense in that light.

**Teach the turn, not the exceptions.** What do I do on my turn? Explain the edge cases when they come up in play, not before.

**Play an open first round.** Cards face up, thinking out loud, no one keeps score.

**Stop talking after ten minutes.** If a game needs a longer explanation, it needs an open round even more.

None of this is new, but it is easy to forget when you love a game and want to share all of it at once.`,
    comments: [
      {
        by: 'mia',
        hoursAgo: 55,
        body: '“Start with how to win” changed how I teach. It is the single best piece of advice on this list.',
        replies: [
          {
            by: 'sam',
            hoursAgo: 52,
            body: 'I would add: let the newest player take the first turn, so they are not watching three turns in confusion.',
            replies: [{ by: 'lea', hoursAgo: 50, body: 'Yes! Adding that to my own notes.' }],
          },
        ],
      },
    ],
  },
  {
    by: 'ana',
    hoursAgo: 150,
    title: 'The table-tennis tables in Böcklerpark',
    place: 'Böcklerpark',
    body: `The two table-tennis tables in Böcklerpark are well used and in need of a little care: one net is missing and the other is held up with string.

I asked the district office, and they will replace the nets if enough people report the problem. The form is on the district’s website under "parks and green spaces", and it takes two minutes.

In the meantime I keep a spare net in my bag on Sunday mornings. If you see me there, borrow it.`,
    comments: [
      { by: 'tom', hoursAgo: 140, body: 'Reported! Thanks for finding out how.' },
      { by: 'lea', hoursAgo: 130, body: 'Reported as well. The form was easy.' },
    ],
  },
];

export interface DemoPostCounts {
  posts: number;
  comments: number;
}

async function pointOf(db: Kysely<Database>, table: 'places' | 'groups', id: number): Promise<LatLng> {
  return db
    .selectFrom(table)
    .select([latSql('location').as('lat'), lngSql('location').as('lng')])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Writes the demo posts and discussions; call inside the demo seed's transaction. */
export async function seedDemoPosts(db: Kysely<Database>, ids: DemoIds, now = new Date()): Promise<DemoPostCounts> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  let comments = 0;

  async function insertComments(
    postId: number,
    list: DemoComment[],
    parentId: number | null,
    depth: number,
  ): Promise<void> {
    for (const comment of list) {
      const { id } = await db
        .insertInto('comments')
        .values({
          post_id: postId,
          parent_id: parentId,
          depth,
          author_id: ids.people[comment.by],
          body: comment.body,
          body_html: renderMarkdown(comment.body),
          created_at: at(comment.hoursAgo),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      comments += 1;
      await insertComments(postId, comment.replies ?? [], id, depth + 1);
    }
  }

  for (const post of DEMO_POSTS) {
    const placeId = post.place === undefined ? null : ids.places.get(post.place)!;
    const groupId = post.group === undefined ? null : ids.groups.get(post.group)!;
    const location =
      post.location ??
      (placeId !== null ? await pointOf(db, 'places', placeId) : await pointOf(db, 'groups', groupId!));
    const { id } = await db
      .insertInto('posts')
      .values({
        author_id: ids.people[post.by],
        title: post.title,
        body: post.body,
        body_html: renderMarkdown(post.body),
        excerpt: excerptOf(post.body),
        location: pointSql(location),
        place_id: placeId,
        group_id: groupId,
        created_at: at(post.hoursAgo),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertComments(id, post.comments, null, 0);
  }
  return { posts: DEMO_POSTS.length, comments };
}
