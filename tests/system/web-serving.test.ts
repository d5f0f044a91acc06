/**
 * The built web app as the server sends it: the Brotli and gzip copies the build writes beside
 * its files, chosen by the browser's Accept-Encoding, and the caching each kind of file gets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import compressionPlugin from '../../server/src/plugins/compression.js';
import errorsPlugin from '../../server/src/plugins/errors.js';
import webPlugin, { WEB_DIST } from '../../server/src/plugins/web.js';
import { buildWebIfStale } from './helpers/server.js';

let app: FastifyInstance;
const assets = path.join(WEB_DIST, 'assets');
const leaflet = () => readdirSync(assets).find((file) => /^leaflet-.*\.js$/.test(file))!;

beforeAll(async () => {
  buildWebIfStale();
  // The plugins in the order buildApp registers them, without a database.
  app = Fastify();
  await app.register(errorsPlugin);
  await app.register(compressionPlugin);
  await app.register(webPlugin);
  await app.ready();
}, 150_000);

afterAll(() => app?.close());

describe('the build', () => {
  it('writes a smaller Brotli and gzip copy of every text file of 1 kB or more', () => {
    const files = [path.join(WEB_DIST, 'index.html'), ...readdirSync(assets).map((file) => path.join(assets, file))];
    const text = files.filter((file) => /\.(js|css|html)$/.test(file) && readFileSync(file).length >= 1024);
    expect(text.length).toBeGreaterThan(10);
    for (const file of text) {
      const original = readFileSync(file);
      expect(existsSync(`${file}.br`), file).toBe(true);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original), file).toBe(true);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original), file).toBe(true);
      expect(readFileSync(`${file}.br`).length).toBeLessThan(original.length);
    }
  });
});

describe('serving the build', () => {
  it('sends the Brotli copy of a script to a browser that accepts it, cached for good', async () => {
    const file = leaflet();
    const response = await app.inject({ url: `/assets/${file}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.rawPayload.equals(readFileSync(path.join(assets, `${file}.br`)))).toBe(true);
  });

  it('sends the gzip copy when only gzip is accepted, and the file itself when nothing is', async () => {
    const file = leaflet();
    const gzip = await app.inject({ url: `/assets/${file}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.rawPayload.equals(readFileSync(path.join(assets, `${file}.gz`)))).toBe(true);
    const plain = await app.inject({ url: `/assets/${file}`, headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(readFileSync(path.join(assets, file)))).toBe(true);
  });

  it('answers an app route with the compressed index.html, revalidated on every visit', async () => {
    const response = await app.inject({ url: '/groups/12', headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.rawPayload.equals(readFileSync(path.join(WEB_DIST, 'index.html.br')))).toBe(true);
    expect(brotliDecompressSync(response.rawPayload).toString()).toMatch(/<div id="app">/);
  });
});

describe('files that are not there', () => {
  it('answer 404, not the app’s page, so an old chunk after a deploy fails visibly', async () => {
    for (const url of ['/assets/missing-0123abcd.js', '/favicon.png', '/sitemap.xml', '/groups/12/photo.jpg']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
    }
  });

  it('serves a real robots.txt and favicon', async () => {
    const robots = await app.inject({ url: '/robots.txt' });
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.body).toMatch(/^User-agent: \*$/m);
    expect(robots.body).toMatch(/^Disallow: \/api\/$/m);
    const icon = await app.inject({ url: '/favicon.ico' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/icon/);
    expect(icon.rawPayload.subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]))).toBe(true);
    expect((await app.inject({ url: '/favicon.svg' })).headers['content-type']).toMatch(/^image\/svg\+xml/);
  });
});
