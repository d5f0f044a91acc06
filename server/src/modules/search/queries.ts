import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemKind } from '../../geo/schemas.js';
import { distanceSql, pointSql, roughlyWithinSql, type LatLng } from '../../geo/point.js';
import type { ItemRegistry } from '../../items/registry.js';
import type { ViewerRef } from '../../policy/visibility.js';

type Db = Kysely<Database>;

/**
 * Each kind's searchable text and name, written exactly as in the indexes of migration 0080 so
 * that they apply. The columns are those of the table the kind's item source selects from.
 */
const DOCUMENTS: Record<ItemKind, { document: RawBuilder<string>; name: RawBuilder<string> }> = {
  place: {
    document: sql`search_document(places.name, places.description, replace(places.kind, '_', ' '), search_words(places.tags))`,
    name: sql`places.name`,
  },
  group: { document: sql`search_document(groups.name, groups.description)`, name: sql`groups.name` },
  event: {
    document: sql`search_document(events.title, events.description, search_words(events.games))`,
    name: sql`events.title`,
  },
  post: { document: sql`search_document(posts.title, posts.body)`, name: sql`posts.title` },
};

export interface SearchRow {
  kind: ItemKind;
  id: number;
  name: string;
  lat: number;
  lng: number;
  props: Record<string, unknown>;
  distance: number;
  text_score: number;
  name_matches: boolean;
  score: number;
}

/**
 * Items the viewer may see (each kind's item source decides, so privacy, approximate locations
 * and moderation apply as on the map) whose text matches `q`, within the radius, best first.
 */
export async function searchItems(
  db: Db,
  registry: ItemRegistry,
  search: { q: string; point: LatLng; radius: number; kinds: ItemKind[]; limit: number; viewerId: ViewerRef },
): Promise<SearchRow[]> {
  const query = sql`search_query(${search.q})`;
  const folded = sql`search_fold(${search.q})`;
  const parts = search.kinds.flatMap((kind) => {
    const source = registry.source(kind);
    if (!source) return [];
    const { document, name } = DOCUMENTS[kind];
    const nameMatches = sql<boolean>`(search_vector(${name}) @@ ${query} or ${folded} <% search_fold(${name}))`;
    return [
      source
        .visible(db, search.viewerId)
        .select([
          sql<string>`${kind}`.as('kind'),
          sql<number>`(case when ${nameMatches} then 2 else 0 end
            + ts_rank(search_vector(${document}), ${query})
            + word_similarity(${folded}, search_fold(${name})))::float8`.as('text_score'),
          nameMatches.as('name_matches'),
        ])
        .where(sql<boolean>`(search_vector(${document}) @@ ${query} or ${folded} <% search_fold(${name}))`),
    ];
  });
  if (parts.length === 0) return [];
  let union = parts[0]!;
  for (const part of parts.slice(1)) union = union.unionAll(part);
  const here = pointSql(search.point);
  const { rows } = await sql<SearchRow>`
    select kind, id, name, props, text_score, name_matches, distance,
      ST_Y(loc::geometry) as lat, ST_X(loc::geometry) as lng,
      text_score / (1 + distance / 1000) as score
    from (
      select m.*, ${distanceSql('m.loc', search.point)} as distance
      from (${union}) m
      where ${roughlyWithinSql('m.loc', search.point, sql<number>`${search.radius}::float8`)}
      offset 0
    ) d
    where ST_DWithin(loc, ${here}, ${search.radius}::float8)
    order by score desc, distance, kind, id
    limit ${search.limit}`.execute(db);
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    distance: Number(row.distance),
    text_score: Number(row.text_score),
    score: Number(row.score),
  }));
}
