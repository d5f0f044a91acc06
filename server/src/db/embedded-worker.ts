/**
 * The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) with PostGIS.
 * It answers the server's thread one message at a time (see embedded-thread.ts for why it runs
 * here and not on the server's thread).
 */
import { mkdir, realpath } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { postgis } from '@electric-sql/pglite-postgis';
import {
  errorFields,
  type EmbeddedNotification,
  type EmbeddedOpening,
  type EmbeddedReply,
  type EmbeddedRequest,
  type EmbeddedStarted,
} from './embedded-protocol.js';

/** PostGIS, btree_gist for indexes over (location, time), unaccent and pg_trgm for search. */
const extensions = { postgis, btree_gist, unaccent, pg_trgm };

async function open(opening: EmbeddedOpening): Promise<PGlite> {
  if ('dataDir' in opening) {
    await mkdir(opening.dataDir, { recursive: true });
    // PGlite's file system fails on a path through a symbolic link (ENOTDIR), so it gets the real one.
    const dataDir = await realpath(opening.dataDir);
    if (opening.snapshot) return PGlite.create({ dataDir, loadDataDir: new Blob([opening.snapshot]), extensions });
    return PGlite.create({ dataDir, extensions });
  }
  if ('snapshot' in opening) return PGlite.create({ loadDataDir: new Blob([opening.snapshot]), extensions });
  return PGlite.create({ extensions });
}

async function answer(pglite: PGlite, request: EmbeddedRequest): Promise<EmbeddedReply> {
  switch (request.op) {
    case 'query': {
      const result = await pglite.query(request.sql, [...request.parameters]);
      return { id: request.id, rows: result.rows, affectedRows: result.affectedRows };
    }
    case 'listen':
      await pglite.listen(request.channel, (payload) =>
        port.postMessage({ notification: { channel: request.channel, payload } } satisfies EmbeddedNotification),
      );
      return { id: request.id, listening: true };
    case 'snapshot': {
      const tarball = await pglite.dumpDataDir('none');
      return { id: request.id, snapshot: await tarball.arrayBuffer() };
    }
    case 'close':
      await pglite.close();
      return { id: request.id, closed: true };
  }
}

const port = parentPort!;
try {
  const pglite = await open(workerData as EmbeddedOpening);
  port.on('message', (request: EmbeddedRequest) => {
    answer(pglite, request).then(
      (reply) => {
        port.postMessage(reply, 'snapshot' in reply ? [reply.snapshot] : []);
        // Closed: nothing is left to answer, and the thread may end.
        if ('closed' in reply) port.close();
      },
      (error: unknown) => port.postMessage({ id: request.id, error: errorFields(error) } satisfies EmbeddedReply),
    );
  });
  port.postMessage({ started: true } satisfies EmbeddedStarted);
} catch (error) {
  port.postMessage({ failed: errorFields(error) } satisfies EmbeddedStarted);
  port.close();
}
