/**
 * `npm run api:types`: writes web/src/lib/api/schema.d.ts, the web app's types for the API,
 * from the OpenAPI document the server builds out of its route schemas. The server's schemas
 * are the one contract; the web client takes its types from them instead of keeping copies.
 * tests/unit/api-types.test.ts fails while the committed file differs from what this writes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
} from 'kysely';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import * as prettier from 'prettier';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import type { DatabaseHandle } from '../src/db/index.js';
import { WriteHealth } from '../src/db/write-health.js';
import type { DatabaseListener } from '../src/db/listener.js';
import type { Database } from '../src/db/schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const API_TYPES_FILE = path.join(ROOT, 'web/src/lib/api/schema.d.ts');

const HEADER = `/**
 * Generated from the server's OpenAPI document by server/scripts/api-types.ts: do not edit.
 * After changing a route's schema, regenerate with \`npm run api:types\`.
 */
`;

/** Building the app and describing its routes must not need a database: any use of one fails loudly. */
const refuse = (what: string) => new Error(`Building the app for its OpenAPI document ${what}; it must not.`);

class NoQueryDriver extends DummyDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    throw refuse('ran a database query');
  }
}

const noListener: DatabaseListener = {
  listen: async () => {
    throw refuse('listened for database notifications');
  },
  close: async () => {},
};

/** The OpenAPI document of the app as `main.ts` builds it, without a database or the environment. */
export async function openapiDocument(): Promise<OpenAPI3> {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new NoQueryDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  // A fixed environment, so that the document is the same on every machine.
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', SEED: 'none' }), jwtSecret: 'unused-'.repeat(8) };
  const database: DatabaseHandle = {
    db,
    kind: 'postgres',
    writeHealth: new WriteHealth(),
    listener: noListener,
    close: () => db.destroy(),
  };
  const app = await buildApp({ config, database, web: false, runJobs: false });
  try {
    await app.ready();
    // A copy: the generator must not share objects with the app's cached document.
    return structuredClone(app.swagger()) as OpenAPI3;
  } finally {
    await app.close();
    await db.destroy();
  }
}

/** The contents of web/src/lib/api/schema.d.ts, formatted as the rest of the repository. */
export async function generateApiTypes(): Promise<string> {
  // Sorted, so that moving a route between modules does not reorder the file.
  const ast = await openapiTS(await openapiDocument(), {
    alphabetize: true,
    // [number, number] for a GeoJSON position rather than number[].
    arrayLength: true,
    defaultNonNullable: false,
    silent: true,
  });
  const source = HEADER + '\n' + astToString(ast);
  const options = await prettier.resolveConfig(API_TYPES_FILE);
  return prettier.format(source, { ...options, filepath: API_TYPES_FILE });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}
