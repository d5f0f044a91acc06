/** Makes the database handle available to every route as `app.db` / `app.dbKind`. */
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DatabaseHandle, DatabaseKind } from '../db/index.js';
import type { Database } from '../db/schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbKind: DatabaseKind;
  }
}

export default fp<{ database: DatabaseHandle }>(
  async function db(app, { database }) {
    app.decorate('db', database.db);
    app.decorate('dbKind', database.kind);
  },
  { name: 'db' },
);
