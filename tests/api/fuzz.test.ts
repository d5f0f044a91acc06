/**
 * Every operation of the OpenAPI document, called with hostile values in its path, query and
 * body: leap seconds, years 0 and 10000, huge and fractional numbers, control characters, long
 * strings, forged cursors and keys, wrong types. Seeded and bounded, so a failure repeats: no
 * answer may be a 5xx, and every error must have the documented shape with a listed code.
 */
import { describe, expect, it } from 'vitest';
import { afterAll } from 'vitest';
import { ERROR_CODE_LIST } from '../../server/src/plugins/error-codes.js';
import { useTestApp } from '../helpers/app.js';
import { TestMailServer } from '../helpers/mail.js';
import { registerUser } from '../helpers/users.js';

const mail = await TestMailServer.start();
const t = useTestApp({ smtpUrl: `smtp://127.0.0.1:${mail.port}`, publicUrl: 'https://vicinity.example.org' });
afterAll(() => mail.stop());

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const REQUESTS_PER_OPERATION = 14;

/** mulberry32: a small seeded generator, so every run sends the same requests. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof generator>;

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a'.repeat(5000),
  'x\u0000y',
  '\u0007bell',
  '\u202Eevil',
  '😀'.repeat(50),
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '../../etc/passwd',
  '%00',
  'null',
  '2026-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z',
  '9999-12-31T23:59:59-12:00',
  '2027-02-30',
  '1e308',
  '-1',
  '0',
  '1.0',
  '0x1',
  'NaN',
  'Infinity',
  '9007199254740993',
  'eyJkIjoxLCJrIjoicGxhY2UiLCJpIjoxfQ.AAAAAAAAAAAAAAAAAAAAAA',
  'not.a.cursor',
  'Europe/Atlantis',
];
const HOSTILE_NUMBERS = [0, -1, 1, 1.5, -0.000001, 1e308, -1e308, 2 ** 53 + 2, 180.0000001, 91, 99999999];
const OTHER_VALUES: unknown[] = [null, true, false, [], {}, [1, 2], { nested: { deeper: 'x' } }];

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  format?: string;
  minimum?: number;
  maximum?: number;
}

/** A value for a field: mostly hostile, sometimes plausible for its schema, sometimes another type. */
function valueFor(schema: SchemaNode | undefined, random: Random, depth = 0): unknown {
  if (random.chance(0.15)) return random.pick(OTHER_VALUES);
  const options = schema?.anyOf ?? schema?.oneOf;
  if (options) return valueFor(random.pick(options), random, depth);
  if (schema?.enum && random.chance(0.5)) return random.pick(schema.enum);
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === 'object' && schema?.properties && depth < 3) return objectFor(schema, random, depth + 1);
  if (type === 'array')
    return Array.from({ length: random.pick([0, 1, 3, 40]) }, () => valueFor(schema?.items, random, depth + 1));
  if (type === 'integer' || type === 'number') {
    if (random.chance(0.3) && schema?.minimum !== undefined) return schema.minimum;
    return random.chance(0.8) ? random.pick(HOSTILE_NUMBERS) : random.pick(HOSTILE_STRINGS);
  }
  if (type === 'boolean') return random.chance(0.7) ? random.chance(0.5) : random.pick(HOSTILE_STRINGS);
  return random.pick(HOSTILE_STRINGS);
}

function objectFor(schema: SchemaNode, random: Random, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (random.chance(0.75)) object[name] = valueFor(property, random, depth);
  }
  if (random.chance(0.1)) object.unexpectedField = 'x';
  return object;
}

/** A query or path value: text, as it travels in a URL. */
function textFor(schema: SchemaNode | undefined, random: Random): string {
  const value = valueFor(schema, random);
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

interface Operation {
  parameters?: { name: string; in: string; schema?: SchemaNode }[];
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
}

describe('hostile requests to every operation', () => {
  it('answers no 5xx and only documented errors', { timeout: 240_000 }, async () => {
    const document = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, SchemaNode> };
    };
    const user = await registerUser(t.app, 'Fuzzer');
    const random = generator(SEED);
    const failures: string[] = [];
    let sent = 0;
    const codes = new Set<string>(ERROR_CODE_LIST);

    for (const [template, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        // Streams stay open; they are tested on their own.
        if (template.endsWith('/stream')) continue;
        for (let round = 0; round < REQUESTS_PER_OPERATION; round++) {
          // A fresh session each time: an earlier request may have signed out everywhere.
          const token = await t.app.issueToken(user.id);
          let path = template;
          const query = new URLSearchParams();
          for (const parameter of operation.parameters ?? []) {
            if (parameter.in === 'path') {
              path = path.replace(`{${parameter.name}}`, encodeURIComponent(textFor(parameter.schema, random) || '1'));
            } else if (parameter.in === 'query' && random.chance(0.7)) {
              query.append(parameter.name, textFor(parameter.schema, random));
            }
          }
          const json = operation.requestBody?.content?.['application/json']?.schema;
          const url = query.size > 0 ? `${path}?${query}` : path;
          const signedIn = random.chance(0.8);
          const response = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers: {
              ...(signedIn ? { authorization: `Bearer ${token}` } : {}),
              ...(json || method !== 'get' ? { 'content-type': 'application/json' } : {}),
            },
            ...(json
              ? { payload: JSON.stringify(random.chance(0.9) ? valueFor(json, random) : random.pick(OTHER_VALUES)) }
              : {}),
          });
          sent += 1;
          const where = `${method.toUpperCase()} ${url.slice(0, 200)} → ${response.statusCode}`;
          if (response.statusCode >= 500) failures.push(`${where} ${response.body.slice(0, 300)}`);
          if (response.statusCode >= 400) {
            let body: { error?: { code?: unknown; message?: unknown } } | undefined;
            try {
              body = response.json();
            } catch {
              body = undefined;
            }
            const shaped =
              typeof body?.error?.message === 'string' &&
              typeof body.error.code === 'string' &&
              codes.has(body.error.code);
            if (!shaped) failures.push(`${where} undocumented error ${response.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
  });
});
