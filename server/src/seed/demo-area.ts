/**
 * The demo neighbourhood: Kreuzberg and north Neukölln in Berlin. Street addresses are real
 * streets and the coordinates sit on them; the cafés, shops and groups are made up (the two
 * public libraries and the parks are real places).
 */
import type { PlaceKind } from '../db/tables/geo.js';

export const DEMO_CENTER = { lat: 52.4986, lng: 13.4213 };

export const DEMO_PASSWORD = 'vicinity-demo';

export const DEMO_PEOPLE = [
  { key: 'mia', displayName: 'Mia Schubert', bio: 'Runs the Tuesday Catan table. Prefers heavy euros.', home: { lat: 52.4871, lng: 13.4302 } },
  { key: 'jonas', displayName: 'Jonas Okafor', bio: 'Chess, Go and anything with hidden information.', home: { lat: 52.4903, lng: 13.4338 } },
  { key: 'lea', displayName: 'Lea Yılmaz', bio: 'Librarian by day, dungeon master by night.', home: { lat: 52.5011, lng: 13.4121 } },
  { key: 'sam', displayName: 'Sam Novak', bio: 'Trading cards and bad puns.', home: { lat: 52.4991, lng: 13.4402 } },
  { key: 'ana', displayName: 'Ana Ferreira', bio: 'Gardener, runner, occasional baker.', home: { lat: 52.4949, lng: 13.4190 } },
  { key: 'tom', displayName: 'Tom Becker', bio: 'New in Kreuzberg, looking for people to play with.', home: { lat: 52.4922, lng: 13.3951 } },
] as const;

export type DemoPersonKey = (typeof DEMO_PEOPLE)[number]['key'];

export interface DemoPlace {
  name: string;
  kind: PlaceKind;
  address: string;
  lat: number;
  lng: number;
  description: string;
  tags: string[];
  addedBy: DemoPersonKey;
}

export const DEMO_PLACES: DemoPlace[] = [
  { name: 'Kaffeeklatsch am Kanal', kind: 'cafe', address: 'Paul-Lincke-Ufer 20', lat: 52.4953, lng: 13.4262, description: 'Canal-side café with long tables; quiet in the mornings.', tags: ['wifi', 'outdoor seating'], addedBy: 'ana' },
  { name: 'Bohnenwerk', kind: 'cafe', address: 'Oranienstraße 180', lat: 52.5012, lng: 13.4205, description: 'Small roastery, big windows.', tags: ['specialty coffee'], addedBy: 'lea' },
  { name: 'Café Wiener Eck', kind: 'cafe', address: 'Wiener Straße 14', lat: 52.4987, lng: 13.4318, description: 'Cakes, newspapers and a corner table that fits six.', tags: ['cake', 'group friendly'], addedBy: 'sam' },
  { name: 'Milchbar Graefe', kind: 'cafe', address: 'Graefestraße 12', lat: 52.4945, lng: 13.4185, description: 'Breakfast all day, children welcome.', tags: ['family friendly'], addedBy: 'ana' },
  { name: 'Reuterkiez Rösterei', kind: 'cafe', address: 'Reuterstraße 40', lat: 52.4868, lng: 13.4308, description: 'Roasts on Thursdays; the back room can be booked for free.', tags: ['bookable room'], addedBy: 'mia' },
  { name: 'Weserkaffee', kind: 'cafe', address: 'Weserstraße 50', lat: 52.4855, lng: 13.4395, description: 'Open late, board games on the shelf.', tags: ['open late', 'games on site'], addedBy: 'jonas' },
  { name: 'Café Bergmann', kind: 'cafe', address: 'Bergmannstraße 25', lat: 52.4892, lng: 13.3935, description: 'Classic Kreuzberg café with a garden.', tags: ['garden'], addedBy: 'tom' },
  { name: 'Tasse & Turm', kind: 'cafe', address: 'Mehringdamm 60', lat: 52.4905, lng: 13.3875, description: 'Chess sets at every table.', tags: ['chess'], addedBy: 'jonas' },
  { name: 'Pannier Kaffee', kind: 'cafe', address: 'Pannierstraße 29', lat: 52.4866, lng: 13.4335, description: 'Tiny, friendly, cash only.', tags: [], addedBy: 'mia' },
  { name: 'Lausitzer Löffel', kind: 'cafe', address: 'Lausitzer Platz 5', lat: 52.4997, lng: 13.4275, description: 'Soup and coffee by the church square.', tags: ['vegan options'], addedBy: 'sam' },
  { name: 'Falckenstein Café', kind: 'cafe', address: 'Falckensteinstraße 30', lat: 52.4999, lng: 13.4463, description: 'Bright corner café near the Spree.', tags: ['wifi'], addedBy: 'sam' },
  { name: 'Würfel & Zucker', kind: 'game_store', address: 'Schönleinstraße 7', lat: 52.4935, lng: 13.4225, description: 'Board game café: 600 games to play, table fee per person.', tags: ['board games', 'play on site'], addedBy: 'mia' },
  { name: 'Spielbrett Kreuzberg', kind: 'game_store', address: 'Oranienstraße 40', lat: 52.503, lng: 13.413, description: 'Board and card games, demo table on Saturdays.', tags: ['board games'], addedBy: 'lea' },
  { name: 'Meeple Markt', kind: 'game_store', address: 'Sonnenallee 60', lat: 52.483, lng: 13.4365, description: 'Second-hand games bought and sold.', tags: ['second hand'], addedBy: 'jonas' },
  { name: 'Drachenhort Spiele', kind: 'game_store', address: 'Skalitzer Straße 80', lat: 52.4995, lng: 13.4395, description: 'Trading card games, miniatures and tournaments.', tags: ['tcg', 'tournaments'], addedBy: 'sam' },
  { name: 'Zug um Zug Laden', kind: 'game_store', address: 'Gneisenaustraße 55', lat: 52.4912, lng: 13.403, description: 'Family games and puzzles.', tags: ['family friendly'], addedBy: 'tom' },
  { name: 'Brettspielbar Neukölln', kind: 'game_store', address: 'Weichselstraße 8', lat: 52.488, lng: 13.445, description: 'Games shop with a bar at the back.', tags: ['board games', 'drinks'], addedBy: 'mia' },
  { name: 'Amerika-Gedenkbibliothek', kind: 'library', address: 'Blücherplatz 1', lat: 52.4983, lng: 13.3925, description: 'Central public library with group study rooms.', tags: ['study rooms', 'free'], addedBy: 'lea' },
  { name: 'Bibliothek am Wassertor', kind: 'library', address: 'Wassertorstraße 40', lat: 52.5017, lng: 13.4096, description: 'Neighbourhood library; the reading room hosts clubs.', tags: ['free'], addedBy: 'lea' },
  { name: 'Helene-Nathan-Bibliothek', kind: 'library', address: 'Karl-Marx-Straße 66', lat: 52.481, lng: 13.435, description: 'Neukölln’s central library, on the top floor of the arcade.', tags: ['free'], addedBy: 'lea' },
  { name: 'Kiezbibliothek Dieffenbach', kind: 'library', address: 'Dieffenbachstraße 30', lat: 52.494, lng: 13.417, description: 'Volunteer-run book exchange with a big table.', tags: ['book exchange'], addedBy: 'ana' },
  { name: 'Zum Goldenen Würfel', kind: 'bar', address: 'Wrangelstraße 50', lat: 52.501, lng: 13.44, description: 'Pub with a games shelf and a quiz on Wednesdays.', tags: ['quiz night', 'games on site'], addedBy: 'sam' },
  { name: 'Kanalbar', kind: 'bar', address: 'Maybachufer 10', lat: 52.4935, lng: 13.427, description: 'Bar by the canal, terrace in summer.', tags: ['outdoor seating'], addedBy: 'ana' },
  { name: 'Die Schachtel', kind: 'bar', address: 'Friedelstraße 20', lat: 52.4905, lng: 13.43, description: 'Small bar, friendly to queer game nights.', tags: ['lgbtq+ friendly'], addedBy: 'jonas' },
  { name: 'Bar Kotti', kind: 'bar', address: 'Adalbertstraße 95', lat: 52.4995, lng: 13.4185, description: 'Loud, late and central.', tags: ['open late'], addedBy: 'sam' },
  { name: 'Riemann Kneipe', kind: 'bar', address: 'Riemannstraße 10', lat: 52.4902, lng: 13.3965, description: 'Corner pub where the chess club meets.', tags: ['chess'], addedBy: 'tom' },
  { name: 'Görli Stube', kind: 'bar', address: 'Görlitzer Straße 40', lat: 52.498, lng: 13.439, description: 'Quiet pub with a big back room.', tags: ['back room'], addedBy: 'sam' },
  { name: 'Nachbarschaftshaus Urbanstraße', kind: 'community_centre', address: 'Urbanstraße 21', lat: 52.493, lng: 13.405, description: 'Neighbourhood house with rooms for clubs and courses.', tags: ['rooms to book', 'accessible'], addedBy: 'ana' },
  { name: 'Kiezraum Reuter', kind: 'community_centre', address: 'Reuterplatz 3', lat: 52.487, lng: 13.429, description: 'Shared room run by neighbours.', tags: ['free'], addedBy: 'mia' },
  { name: 'Werkhof Cuvry', kind: 'community_centre', address: 'Cuvrystraße 20', lat: 52.5005, lng: 13.4435, description: 'Workshop and meeting space.', tags: ['workshop'], addedBy: 'sam' },
  { name: 'Stadtteilzentrum Wrangel', kind: 'community_centre', address: 'Wrangelstraße 80', lat: 52.502, lng: 13.436, description: 'Courses, homework help and a games evening.', tags: ['accessible'], addedBy: 'lea' },
  { name: 'Rollberg Gemeinschaftsraum', kind: 'community_centre', address: 'Werbellinstraße 40', lat: 52.4795, lng: 13.43, description: 'Community room in the Rollberg estate.', tags: [], addedBy: 'mia' },
  { name: 'Görlitzer Park', kind: 'park', address: 'Görlitzer Park', lat: 52.4965, lng: 13.4375, description: 'Big lawn between Kreuzberg and Treptow.', tags: ['outdoors'], addedBy: 'ana' },
  { name: 'Volkspark Hasenheide', kind: 'park', address: 'Hasenheide', lat: 52.4845, lng: 13.416, description: 'Woods, a petting zoo and room for a picnic blanket.', tags: ['outdoors'], addedBy: 'ana' },
  { name: 'Viktoriapark', kind: 'park', address: 'Kreuzbergstraße', lat: 52.488, lng: 13.381, description: 'The hill that gave Kreuzberg its name.', tags: ['outdoors', 'views'], addedBy: 'tom' },
  { name: 'Tempelhofer Feld, Oderstraße entrance', kind: 'park', address: 'Oderstraße', lat: 52.475, lng: 13.415, description: 'The old airfield; wind for kites.', tags: ['outdoors', 'kites'], addedBy: 'jonas' },
  { name: 'Park am Gleisdreieck', kind: 'park', address: 'Möckernstraße', lat: 52.496, lng: 13.374, description: 'Lawns and tracks on the old railway yard.', tags: ['outdoors'], addedBy: 'tom' },
  { name: 'Böcklerpark', kind: 'park', address: 'Prinzenstraße', lat: 52.4975, lng: 13.4105, description: 'Small canal-side park with table tennis.', tags: ['table tennis'], addedBy: 'lea' },
  { name: 'Prinzessinnengarten', kind: 'park', address: 'Moritzplatz', lat: 52.5032, lng: 13.4103, description: 'Community garden; volunteers welcome.', tags: ['garden'], addedBy: 'ana' },
  { name: 'Körnerpark', kind: 'park', address: 'Schierker Straße', lat: 52.4725, lng: 13.438, description: 'Sunken garden with a gallery.', tags: ['outdoors'], addedBy: 'mia' },
];

export interface DemoGroup {
  key: string;
  name: string;
  description: string;
  visibility: 'public' | 'private';
  lat: number;
  lng: number;
  owner: DemoPersonKey;
  organizers: DemoPersonKey[];
  members: DemoPersonKey[];
}

export const DEMO_GROUPS: DemoGroup[] = [
  { key: 'boardgamers', name: 'Kreuzberg Board Gamers', description: 'Weekly board game nights for all levels. New players always welcome; we teach.', visibility: 'public', lat: 52.4935, lng: 13.4225, owner: 'mia', organizers: ['jonas'], members: ['lea', 'sam', 'ana', 'tom'] },
  { key: 'catan', name: 'Catan Crew', description: 'Settlers of Catan and its expansions, every Tuesday in the Reuterkiez.', visibility: 'public', lat: 52.4868, lng: 13.4308, owner: 'mia', organizers: [], members: ['jonas', 'tom'] },
  { key: 'chess', name: 'Neukölln Chess Club', description: 'Casual and rated games, blitz on Fridays.', visibility: 'public', lat: 52.4855, lng: 13.4395, owner: 'jonas', organizers: ['tom'], members: ['mia'] },
  { key: 'books', name: 'Kotti Book Circle', description: 'One novel a month, discussed over coffee.', visibility: 'public', lat: 52.5017, lng: 13.4096, owner: 'lea', organizers: [], members: ['ana', 'sam'] },
  { key: 'runners', name: 'Landwehrkanal Runners', description: 'Easy 5 km along the canal, Sunday mornings.', visibility: 'public', lat: 52.4953, lng: 13.4262, owner: 'ana', organizers: [], members: ['tom'] },
  { key: 'mtg', name: 'Friday Night Magic Kreuzberg', description: 'Draft and standard at the card shop.', visibility: 'public', lat: 52.4995, lng: 13.4395, owner: 'sam', organizers: [], members: ['jonas'] },
  { key: 'queer', name: 'Queer Game Night', description: 'A safe, friendly games evening for LGBTQ+ people and friends.', visibility: 'private', lat: 52.4905, lng: 13.43, owner: 'jonas', organizers: ['sam'], members: ['lea'] },
  { key: 'parents', name: 'Graefekiez Parents’ Playgroup', description: 'Parents of toddlers meeting in cafés and parks.', visibility: 'private', lat: 52.4945, lng: 13.4185, owner: 'ana', organizers: [], members: ['mia'] },
  { key: 'kites', name: 'Tempelhof Kite Flyers', description: 'Kites, picnics and wind on the old airfield.', visibility: 'public', lat: 52.475, lng: 13.415, owner: 'jonas', organizers: [], members: ['tom', 'ana'] },
  { key: 'gardeners', name: 'Urban Gardeners Kreuzberg', description: 'Seed swaps and planting days in the community gardens.', visibility: 'public', lat: 52.5032, lng: 13.4103, owner: 'ana', organizers: ['lea'], members: [] },
];
