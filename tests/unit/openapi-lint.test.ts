/**
 * The OpenAPI document as third-party tooling reads it: Redocly's recommended rules find no
 * error, every operation has a unique operationId and says how it is secured, and the types that
 * openapi-typescript generates from it let a client tell a map cluster from an item without a cast.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { openapiDocument } from '../../server/scripts/api-types.js';
import type { Schema } from '../../web/src/lib/api/types.js';

const run = promisify(execFile);
const REDOCLY = path.resolve('node_modules/.bin/redocly');

type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, unknown> };
let document: Awaited<ReturnType<typeof openapiDocument>>;
let folder: string;

beforeAll(async () => {
  document = await openapiDocument();
  folder = mkdtempSync(path.join(os.tmpdir(), 'vicinity-openapi-'));
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function operations(): [string, Operation][] {
  return Object.entries(document.paths ?? {}).flatMap(([url, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]): [string, Operation] => [
      `${method} ${url}`,
      operation,
    ]),
  );
}

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended rules with no error', async () => {
    const file = path.join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const { stdout } = await run(REDOCLY, ['lint', file, '--format=json'], { timeout: 120_000 }).catch(
      (failure: { stdout: string }) => failure,
    );
    const problems = (JSON.parse(stdout) as { problems: { severity: string; ruleId: string; message: string }[] })
      .problems;
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  }, 120_000);

  it('names every operation once and says how each is secured, with servers and a licence', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(40);
    const ids = all.map(([, operation]) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, operation] of all) expect(operation.security, name).toBeDefined();
    const nearby = all.find(([name]) => name === 'get /api/nearby')![1];
    expect(nearby.operationId).toBe('getNearby');
    expect(nearby.security).toEqual([{}, { bearerAuth: [] }]);
    expect(document.servers).toEqual([{ url: '/', description: 'This server' }]);
    expect(document.info.license?.name).toBeTruthy();
  });

  it('documents 503 busy everywhere, and 413 and 415 where a body is sent', () => {
    for (const [name, operation] of operations()) expect(Object.keys(operation.responses), name).toContain('503');
    const register = operations().find(([name]) => name === 'post /api/auth/register')![1];
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['413', '415']));
  });

  it('lets generated types narrow a map feature to a cluster by its kind, without a cast', () => {
    const count = (feature: Schema<'MapFeature'>): number => {
      const properties = feature.properties;
      if (properties.kind === 'cluster') return properties.count;
      return 1;
    };
    expectTypeOf<Extract<Schema<'MapFeature'>['properties'], { kind: 'cluster' }>>().toHaveProperty('expansionZoom');
    expect(
      count({
        type: 'Feature',
        id: 'cluster:3:1:1',
        geometry: { type: 'Point', coordinates: [1, 1] },
        properties: { kind: 'cluster', count: 12, counts: { place: 12 }, expansionZoom: 5 },
      }),
    ).toBe(12);
  });
});
