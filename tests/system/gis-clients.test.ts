/**
 * GIS tools as people use them against a real listening server with the demo data: GDAL's
 * `ogr2ogr` copies /api/nearby and /api/map into a GeoPackage without a warning, keeping every
 * feature with its id. Without GDAL the suite is skipped, except under CI where the global setup
 * fails the run instead.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasGdal } from '../setup/require-ci-tools.js';
import { START_MS, startServer, stopServer, type Server } from './helpers/server.js';

const run = promisify(execFile);
const gdal = hasGdal();

let server: Server;
let scratch: string;

beforeAll(async () => {
  if (!gdal) return;
  server = await startServer({ seed: 'demo' });
  scratch = mkdtempSync(path.join(os.tmpdir(), 'vicinity-gis-'));
}, START_MS);

afterAll(async () => {
  if (server) await stopServer(server);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs a GDAL tool; its stderr must stay empty (GDAL prints warnings there). */
async function gdalTool(program: 'ogr2ogr' | 'ogrinfo', args: string[]): Promise<string> {
  const { stdout, stderr } = await run(program, args, { timeout: 60_000, env: { ...process.env, CPL_DEBUG: 'OFF' } });
  expect(stderr, `${program} ${args.join(' ')}`).toBe('');
  return stdout;
}

/** Copies a URL's GeoJSON into a GeoPackage with ogr2ogr and reads back each row's id and kind. */
async function toGeoPackage(url: string, name: string): Promise<{ id: string; kind: string; itemId: number }[]> {
  const file = path.join(scratch, `${name}.gpkg`);
  await gdalTool('ogr2ogr', ['-f', 'GPKG', file, url, '-nln', name]);
  const csv = await gdalTool('ogr2ogr', [
    '-f',
    'CSV',
    '/vsistdout/',
    file,
    '-sql',
    `select id, kind, itemId from ${name}`,
  ]);
  const [, ...rows] = csv.trim().split('\n');
  return rows.map((row) => {
    const [id, kind, itemId] = row.split(',').map((value) => value.replace(/^"|"$/g, ''));
    return { id: id!, kind: kind!, itemId: Number(itemId) };
  });
}

async function fetchJson(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.json() as Promise<{ features: { id: string; properties: Record<string, unknown> }[] }>;
}

describe.skipIf(!gdal)('GDAL (ogr2ogr) reading the API', () => {
  it('copies /api/nearby with every kind into a GeoPackage, one row per feature, ids intact', async () => {
    const url = `${server.baseUrl}/api/nearby?lat=52.4986&lng=13.4213&radius=5000&limit=200`;
    const answer = await fetchJson(url);
    const kinds = new Set(answer.features.map((f) => f.properties.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    const rows = await toGeoPackage(url, 'nearby');
    expect(rows).toHaveLength(answer.features.length);
    expect(rows.map((row) => row.id).sort()).toEqual(answer.features.map((f) => f.id).sort());
    for (const row of rows) expect(row.id).toBe(`${row.kind}:${row.itemId}`);
  });

  it('copies /api/map, items and clusters alike', async () => {
    for (const zoom of [15, 11]) {
      const url = `${server.baseUrl}/api/map?bbox=13.38,52.48,13.46,52.52&zoom=${zoom}`;
      const answer = await fetchJson(url);
      expect(answer.features.length).toBeGreaterThan(0);
      const rows = await toGeoPackage(url, `map${zoom}`);
      expect(rows.map((row) => row.id).sort()).toEqual(answer.features.map((f) => f.id).sort());
    }
  });

  it('lists the OGC API – Features collections with ogrinfo OAPIF:', async () => {
    const listing = await gdalTool('ogrinfo', ['-ro', '-q', `OAPIF:${server.baseUrl}/ogc`]);
    for (const collection of ['places', 'groups', 'meetups', 'posts']) expect(listing).toContain(collection);
  });

  it('copies every OGC collection into a GeoPackage, row counts and ids as the server has them', async () => {
    for (const collection of ['places', 'groups', 'meetups', 'posts']) {
      const page = (await (await fetch(`${server.baseUrl}/ogc/collections/${collection}/items?limit=1000`)).json()) as {
        numberMatched: number;
        features: { id: number }[];
      };
      expect(page.numberMatched, collection).toBeGreaterThan(0);
      const file = path.join(scratch, `ogc-${collection}.gpkg`);
      // A small page size makes GDAL follow the next links.
      await gdalTool('ogr2ogr', ['-f', 'GPKG', file, `OAPIF:${server.baseUrl}/ogc`, collection, '-oo', 'PAGE_SIZE=7']);
      // GDAL numbers the rows itself and keeps each feature's id in its `id` field.
      const listing = await gdalTool('ogrinfo', ['-ro', '-q', file, collection]);
      const ids = [...listing.matchAll(/^ {2}id \(Integer(?:64)?\) = (\d+)$/gm)].map((m) => Number(m[1]));
      expect(ids.length, collection).toBe(page.numberMatched);
      expect(
        ids.sort((a, b) => a - b),
        collection,
      ).toEqual(page.features.map((f) => f.id).sort((a, b) => a - b));
    }
  });
});
