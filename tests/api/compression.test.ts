import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { destination } from '../helpers/geo.js';
import { createPlace } from '../helpers/places.js';
import { registerUser } from '../helpers/users.js';

const t = useTestApp();
const CENTRE = { lat: 52.4986, lng: 13.4213 };
const NEARBY = `/api/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}&radius=2000&limit=50`;

beforeAll(async () => {
  const owner = await registerUser(t.app);
  // Enough places for an answer well over the 1 kB below which nothing is compressed.
  for (let i = 0; i < 12; i++) await createPlace(t.app, owner, destination(CENTRE, i * 30, 100 + i * 50));
});

describe('compressed answers', () => {
  it('sends Brotli to a client that accepts it, with the same JSON inside', async () => {
    const plain = await t.app.inject(NEARBY);
    const response = await t.app.inject({ url: NEARBY, headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(response.rawPayload).toString())).toEqual(plain.json());
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const response = await t.app.inject({ url: NEARBY, headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(response.rawPayload).toString()).features).toHaveLength(12);
  });

  it('sends plain JSON to a client that names no encoding', async () => {
    const response = await t.app.inject({ url: NEARBY, headers: { 'accept-encoding': '' } });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json().features).toHaveLength(12);
  });

  it('leaves answers under 1 kB as they are', async () => {
    const response = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json().status).toBe('ok');
  });

  it('compresses a large answer through a stream as well', async () => {
    const plain = await t.app.inject('/api/openapi.json');
    expect(plain.rawPayload.length).toBeGreaterThan(64 * 1024);
    const response = await t.app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(response.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(response.rawPayload).toString())).toEqual(plain.json());
  });
});

describe('compressed request bodies', () => {
  const body = JSON.stringify({ email: 'zipped@example.com', password: 'a-long-password-1', displayName: 'Zip' });

  it('refuses a gzip body with 415 unsupported_encoding, storing nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(body),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toEqual({
      code: 'unsupported_encoding',
      message: expect.stringContaining('uncompressed'),
    });
    const users = await t.db.selectFrom('users').select('id').where('email', '=', 'zipped@example.com').execute();
    expect(users).toEqual([]);
  });

  it('accepts a body that says identity', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
      payload: body,
    });
    expect(response.statusCode).toBe(201);
  });
});
