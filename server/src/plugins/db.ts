/** Makes the database handle available to every route as `app.db`, `app.dbKind` and `app.dbListener`. */
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DatabaseHandle, DatabaseKind } from '../db/index.js';
import type { DatabaseListener } from '../db/listener.js';
import type { Replicas } from '../db/replicas.js';
import type { Database } from '../db/schema.js';
import type { WriteHealth } from '../db/write-health.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbKind: DatabaseKind;
    /** LISTEN/NOTIFY between processes (db/listener.ts). */
    dbListener: DatabaseListener;
    /** Read replicas, when configured (db/replicas.ts); features need not look. */
    dbReplicas: Replicas | null;
    /** Whether the database can write (a full disk), for health (db/write-health.ts). */
    dbWriteHealth: WriteHealth;
  }
}

export default fp<{ database: DatabaseHandle }>(
  async function db(app, { database }) {
    app.decorate('db', database.db);
    app.decorate('dbKind', database.kind);
    app.decorate('dbListener', database.listener);
    app.decorate('dbReplicas', database.replicas ?? null);
    app.decorate('dbWriteHealth', database.writeHealth);
  },
  { name: 'db' },
);
