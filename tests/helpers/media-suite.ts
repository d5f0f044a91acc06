/**
 * The photo API, for one storage backend: tests/api/media.test.ts runs it on files under a
 * folder, tests/api/media-s3.test.ts on a local S3-compatible server. Both run on both databases.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../server/src/app.js';
import { useTestApp, type TestApp } from './app.js';
import { fromNow, DAY, HOUR } from './events.js';
import {
  HOME,
  phoneJpeg,
  pixelBomb,
  pngWithText,
  postUploadOverHttp,
  streamingUpload,
  SVG_WITH_SCRIPT,
  upload,
  uploadForm,
} from './media.js';
import { createGroup, createPlace } from './places.js';
import { createPost, setRole } from './posts.js';
import { registerUser, type TestUser } from './users.js';

const BERLIN = { lat: 52.5, lng: 13.42 };
type MediaJson = {
  id: number;
  alt: string;
  width: number;
  height: number;
  placeholder: string;
  urls: Record<'small' | 'medium' | 'large', string>;
  jpegUrls: Record<'small' | 'medium' | 'large', string>;
  widths: Record<'small' | 'medium' | 'large', number>;
};

/** Text the test photos carry that must never come out again. */
const SECRETS = ['Vicinity Phone', 'Secret Photographer', 'Secretstrasse', 'maker notes', '52.4986'];

export interface Backend {
  /** Config for the app (the S3 URL, once its server runs); called in beforeAll. */
  config: () => Partial<AppConfig>;
  start?: () => Promise<void>;
  stop?: () => Promise<void>;
  /** Tests of this backend alone, given the app and someone signed in. */
  more?: (t: TestApp, user: () => TestUser) => void;
}

export function describeMediaApi(name: string, backend: Backend) {
  const overrides: Partial<AppConfig> = {};
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'vicinity-media-'));
    await backend.start?.();
    Object.assign(overrides, { dataDir }, backend.config());
  });
  const t = useTestApp(overrides);
  afterAll(async () => {
    await backend.stop?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    alice = await registerUser(t.app, 'Alice');
    bob = await registerUser(t.app, 'Bob');
  });

  const objects = () => t.app.objectStorage.list();
  const mediaRows = async () => (await t.db.selectFrom('media').select('id').execute()).length;
  const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  async function uploaded(
    user: TestUser,
    file?: Buffer,
    alt = 'Two people playing chess in a café',
  ): Promise<MediaJson> {
    const response = await upload(t.app, user, file ?? (await phoneJpeg(480, 360)), { alt });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  const jobRows = async () => (await t.db.selectFrom('jobs').select('id').execute()).length;

  /** Sends a bad upload; asserts it got its status and code and left no row, object or job behind. */
  async function refusedWithoutTrace(send: () => Promise<LightMyRequestResponse>, status: number, code: string) {
    const before = { objects: await objects(), rows: await mediaRows(), jobs: await jobRows() };
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect({ objects: await objects(), rows: await mediaRows(), jobs: await jobRows() }).toEqual(before);
    return response.json().error;
  }

  describe(`photos (${name})`, () => {
    it('are stored as renditions without any metadata, oriented, never enlarged', async () => {
      const original = await phoneJpeg(1200, 900);
      const gps = await exifr.gps(original);
      expect(gps.latitude).toBeCloseTo(HOME.lat, 3);

      const media = await uploaded(alice, original, '  A board game on a table  ');
      expect(media.alt).toBe('A board game on a table');
      // Orientation 6: stored 1200 × 900, shown 900 × 1200. Smaller than 1920: not enlarged.
      expect([media.width, media.height]).toEqual([900, 1200]);
      expect(media.widths).toEqual({ small: 240, medium: 720, large: 900 });
      expect(Buffer.from(media.placeholder, 'base64').length).toBeGreaterThan(5);

      for (const [format, urls] of [
        ['webp', media.urls],
        ['jpeg', media.jpegUrls],
      ] as const) {
        for (const variant of ['small', 'medium', 'large'] as const) {
          const response = await get(t.app, urls[variant]);
          expect(response.statusCode, urls[variant]).toBe(200);
          expect(response.headers['content-type']).toBe(`image/${format}`);
          expect(response.headers['content-security-policy']).toBe("default-src 'none'");
          expect(response.headers['cache-control']).toBe('private, max-age=31536000, immutable');
          expect(response.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
          const bytes = response.rawPayload;
          const metadata = await sharp(bytes).metadata();
          expect(metadata.format).toBe(format);
          expect([metadata.width, metadata.height]).toEqual([
            media.widths[variant],
            Math.round((media.widths[variant] * 4) / 3),
          ]);
          expect(metadata.orientation ?? 1).toBe(1);
          expect(metadata.exif).toBeUndefined();
          expect(metadata.xmp).toBeUndefined();
          expect(metadata.iptc).toBeUndefined();
          expect(metadata.icc).toBeUndefined();
          for (const secret of SECRETS) expect(bytes.includes(secret), secret).toBe(false);
          if (format === 'jpeg') {
            expect(await exifr.parse(bytes, true)).toBeUndefined();
            expect(await exifr.gps(bytes)).toBeUndefined();
          }
        }
      }
    });

    it('answer 304 to a current ETag, and are served only to their uploader until attached', async () => {
      const media = await uploaded(alice);
      const first = await get(t.app, media.urls.small);
      const again = await get(t.app, media.urls.small, { 'if-none-match': first.headers.etag as string });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);

      const path = media.urls.small.split('?')[0]!;
      expect((await get(t.app, path)).statusCode).toBe(404);
      expect((await get(t.app, path, bob.auth)).statusCode).toBe(404);
      expect((await get(t.app, path, alice.auth)).statusCode).toBe(200);
      const forged = `${path}?key=${media.urls.small.split('key=')[1]!.replace(/.$/, 'A')}`;
      expect((await get(t.app, forged)).statusCode).toBe(400);
      expect((await t.app.inject({ method: 'GET', url: `/api/media/${media.id}`, headers: bob.auth })).statusCode).toBe(
        404,
      );
    });

    it('read the type from the bytes: a PNG named .jpg is a PNG, its text chunks gone; GIF, WebP and AVIF too', async () => {
      const png = await pngWithText(640, 480);
      const media = await uploaded(alice, png);
      expect([media.width, media.height]).toEqual([640, 480]);
      for (const url of [media.urls.large, media.jpegUrls.large]) {
        const bytes = (await get(t.app, url)).rawPayload;
        for (const secret of SECRETS) expect(bytes.includes(secret), secret).toBe(false);
        expect((await sharp(bytes).metadata()).comments).toBeUndefined();
      }
      // The other types taken, each named as something else: only the bytes count.
      const base = sharp({ create: { width: 400, height: 300, channels: 3, background: '#4a7' } });
      for (const format of ['gif', 'webp', 'avif'] as const) {
        const other = await uploaded(alice, await base.clone().toFormat(format).toBuffer());
        expect([other.width, other.height], format).toEqual([400, 300]);
      }
    });

    it('refuse hostile and broken files with a clear code, leaving nothing behind', async () => {
      const svg = () => upload(t.app, alice, SVG_WITH_SCRIPT, { filename: 'cat.jpg', type: 'image/jpeg' });
      expect((await refusedWithoutTrace(svg, 415, 'unsupported_image')).message).toMatch(/SVG/);

      await refusedWithoutTrace(
        () => upload(t.app, alice, Buffer.from('just some text, not an image at all')),
        415,
        'unsupported_image',
      );

      const bombError = await refusedWithoutTrace(
        () => upload(t.app, alice, pixelBomb(30_000), { filename: 'bomb.png', type: 'image/png' }),
        422,
        'image_too_large',
      );
      expect(bombError.details).toMatchObject({ width: 30_000, height: 30_000 });

      const jpeg = await phoneJpeg(800, 600);
      await refusedWithoutTrace(
        () => upload(t.app, alice, jpeg.subarray(0, Math.floor(jpeg.length * 0.6))),
        422,
        'image_unreadable',
      );

      await refusedWithoutTrace(
        () => upload(t.app, alice, Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(5000, 7)])),
        422,
        'image_unreadable',
      );
    });

    it('refuse a 20 MB file with 413 while it is still arriving', async () => {
      const size = 20 * 1024 * 1024;
      const before = await objects();
      const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
      // What the server had read off the connection when its answer was written.
      let readWhenAnswered = 0;
      t.app.server.once('request', (request: IncomingMessage, response: ServerResponse) =>
        response.once('finish', () => (readWhenAnswered = request.socket.bytesRead)),
      );
      const answer = await postUploadOverHttp(origin, alice.auth, size);
      expect(answer.status, answer.body).toBe(413);
      expect(JSON.parse(answer.body).error).toMatchObject({
        code: 'file_too_large',
        details: { maxBytes: 15 * 1024 * 1024 },
      });
      // Answered once the limit was passed, with megabytes of the file still to come.
      expect(readWhenAnswered).toBeGreaterThan(15 * 1024 * 1024);
      expect(readWhenAnswered).toBeLessThan(answer.total - 3 * 1024 * 1024);
      const { contentType } = streamingUpload(0);

      // A client that says how large its body is gets the answer before sending any of it.
      const declared = await t.app.inject({
        method: 'POST',
        url: '/api/media',
        headers: { ...alice.auth, 'content-type': contentType, 'content-length': String(size + 500) },
        payload: 'x',
      });
      expect(declared.statusCode).toBe(413);
      expect(await objects()).toEqual(before);
    });

    it('require alt text, a file and a multipart body', async () => {
      const jpeg = await phoneJpeg(64, 48);
      for (const [alt, message] of [
        [undefined, /required/],
        ['   ', /required/],
        ['x'.repeat(1501), /1500/],
      ] as const) {
        const form = await uploadForm(jpeg, alt === undefined ? {} : { alt });
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/media',
          headers: { ...alice.auth, ...form.headers },
          payload: form.payload,
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.details[0]).toMatchObject({
          field: 'alt',
          message: expect.stringMatching(message),
        });
      }
      const noFile = await uploadForm(null, { alt: 'Nothing' });
      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/media',
        headers: { ...alice.auth, ...noFile.headers },
        payload: noFile.payload,
      });
      expect(missing.json().error.details[0].field).toBe('file');
      const json = await t.app.inject({
        method: 'POST',
        url: '/api/media',
        headers: alice.auth,
        payload: { alt: 'x' },
      });
      expect(json.statusCode).toBe(415);
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/media', ...noFile });
      expect(anonymous.statusCode).toBe(401);
    });

    it('keep alt text editable by the uploader only', async () => {
      const media = await uploaded(alice);
      const edit = (user: TestUser, alt: string) =>
        t.app.inject({ method: 'PATCH', url: `/api/media/${media.id}`, headers: user.auth, payload: { alt } });
      expect((await edit(bob, 'Mine now')).statusCode).toBe(404);
      expect((await edit(alice, '')).statusCode).toBe(400);
      const changed = await edit(alice, 'A chess clock beside the board');
      expect(changed.json().alt).toBe('A chess clock beside the board');
    });

    it('attach to posts in order, by their uploader only; editing reorders, and a photo left out is deleted', async () => {
      const [first, second, third] = [await uploaded(alice), await uploaded(alice), await uploaded(alice)];
      const bobs = await uploaded(bob);
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/posts',
        headers: alice.auth,
        payload: { title: 'Game night', body: 'Photos', location: BERLIN, mediaIds: [first.id, bobs.id] },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0]).toMatchObject({ field: 'mediaIds' });
      expect(refused.json().error.message).toContain(String(bobs.id));

      const post = await createPost(t.app, alice, { location: BERLIN, mediaIds: [second.id, first.id] } as never);
      expect(post.media.map((m: MediaJson) => [m.id, m.alt])).toEqual([
        [second.id, second.alt],
        [first.id, first.alt],
      ]);
      // A post outside any group is public: its photos' URLs need no key, and shared caches may keep them.
      expect(post.media[0].urls.small).not.toContain('key=');
      const anonymous = await get(t.app, post.media[0].urls.small);
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.headers['cache-control']).toBe('public, max-age=31536000, immutable');

      // Shown on one post only.
      const elsewhere = await t.app.inject({
        method: 'POST',
        url: '/api/posts',
        headers: alice.auth,
        payload: { title: 'Again', body: 'x', location: BERLIN, mediaIds: [first.id] },
      });
      expect(elsewhere.statusCode).toBe(400);

      const before = await objects();
      const edited = await t.app.inject({
        method: 'PATCH',
        url: `/api/posts/${post.id}`,
        headers: alice.auth,
        payload: { mediaIds: [first.id, third.id] },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().media.map((m: MediaJson) => m.id)).toEqual([first.id, third.id]);
      expect((await get(t.app, second.urls.small)).statusCode).toBe(404);
      await t.app.jobs.runDue();
      expect((await objects()).length).toBeLessThan(before.length);
    });

    it('of a private group’s posts are served to its members only, checked on every request', async () => {
      const group = await createGroup(t.app, alice, BERLIN, { visibility: 'private' });
      await setRole(t.db, group.id, bob.id, 'member');
      const photo = await uploaded(alice);
      const post = await createPost(t.app, alice, { groupId: group.id, mediaIds: [photo.id] } as never);
      const read = await t.app.inject({ method: 'GET', url: `/api/posts/${post.id}`, headers: bob.auth });
      const url: string = read.json().media[0].urls.medium;
      expect(url).toContain('key=');
      const served = await get(t.app, url);
      expect(served.statusCode).toBe(200);
      expect(served.headers['cache-control']).toMatch(/^private/);
      // Without the key, nobody; with it, only while its holder may still see the post.
      expect((await get(t.app, url.split('?')[0]!)).statusCode).toBe(404);
      await t.db.deleteFrom('group_members').where('group_id', '=', group.id).where('user_id', '=', bob.id).execute();
      expect((await get(t.app, url)).statusCode).toBe(404);
      expect((await get(t.app, url.split('?')[0]!, alice.auth)).statusCode).toBe(200);
    });

    it('go with a deleted post and a deleted place or group, rows now and files after commit; a cancelled meetup keeps its own', async () => {
      const photos = await Promise.all([1, 2, 3, 4, 5].map(() => uploaded(alice)));
      const [forPost, forEvent, forPlace, forGroup, forGroupPost] = photos.map((photo) => photo.id) as number[];
      const post = await createPost(t.app, alice, { location: BERLIN, mediaIds: [forPost] } as never);
      const eventResponse = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: alice.auth,
        payload: {
          title: 'Chess',
          startsAt: fromNow(DAY),
          endsAt: fromNow(DAY + 2 * HOUR),
          timeZone: 'Europe/Berlin',
          location: BERLIN,
          mediaIds: [forEvent],
        },
      });
      expect(eventResponse.statusCode, eventResponse.body).toBe(201);
      expect(eventResponse.json().media[0].id).toBe(forEvent);
      expect(eventResponse.json().organizer.avatar).toBeNull();
      const place = await createPlace(t.app, alice, BERLIN, { mediaIds: [forPlace] });
      expect((place.media[0] as MediaJson).id).toBe(forPlace);
      const group = await createGroup(t.app, alice, BERLIN, { mediaIds: [forGroup] });
      expect((group.media[0] as MediaJson).id).toBe(forGroup);
      await createPost(t.app, alice, { groupId: group.id, mediaIds: [forGroupPost] } as never);

      const stored = await objects();
      expect(stored.length).toBeGreaterThan(0);
      const del = (url: string) => t.app.inject({ method: 'DELETE', url, headers: alice.auth });
      expect((await del(`/api/posts/${post.id}`)).statusCode).toBe(204);
      expect((await del(`/api/events/${eventResponse.json().id}`)).statusCode).toBe(200);
      expect((await del(`/api/places/${place.id}`)).statusCode).toBe(204);
      expect((await del(`/api/groups/${group.id}`)).statusCode).toBe(204);
      expect(
        await t.db
          .selectFrom('media')
          .select('id')
          .where(
            'id',
            'in',
            photos.map((p) => p.id),
          )
          .execute(),
      ).toEqual([{ id: forEvent }]);
      for (const photo of photos) {
        expect((await get(t.app, photo.urls.small)).statusCode).toBe(photo.id === forEvent ? 200 : 404);
      }
      await t.app.jobs.runDue();
      const left = await objects();
      // Every object of these photos is gone (others' photos may share none of them: all differ).
      const keysOf = async () => (await t.db.selectFrom('media_files').select('key').execute()).map((row) => row.key);
      expect(left.every((key) => keysOf().then((keys) => keys.includes(key)))).toBe(true);
      expect(left.length).toBeLessThan(stored.length);
      expect(new Set(left)).toEqual(new Set(await keysOf()));
    });

    it('left unattached for a day are deleted by their expiry job', async () => {
      const photo = await uploaded(bob, await phoneJpeg(300, 200));
      await t.app.jobs.runDue();
      expect(await t.db.selectFrom('media').select('id').where('id', '=', photo.id).execute()).toHaveLength(1);
      await sql`update jobs set run_at = now() where key = ${`media.expire:${photo.id}`}`.execute(t.db);
      await t.app.jobs.runDue();
      expect(await t.db.selectFrom('media').select('id').where('id', '=', photo.id).execute()).toEqual([]);
      expect(new Set(await objects())).toEqual(
        new Set((await t.db.selectFrom('media_files').select('key').execute()).map((row) => row.key)),
      );
    });

    it('make avatars, shown beside names; deleting the account deletes every photo uploaded, files too', async () => {
      const carol = await registerUser(t.app, 'Carol');
      const avatar = await uploaded(carol, await phoneJpeg(400, 400), 'Carol smiling');
      const me = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: carol.auth,
        payload: { avatarId: avatar.id },
      });
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().avatar).toMatchObject({ id: avatar.id, alt: 'Carol smiling' });
      const post = await createPost(t.app, carol, {
        location: BERLIN,
        mediaIds: [(await uploaded(carol)).id],
      } as never);
      const read = await t.app.inject({ method: 'GET', url: `/api/posts/${post.id}` });
      expect(read.json().author.avatar).toMatchObject({ id: avatar.id });
      // Avatars are for everyone: no key.
      expect((await get(t.app, read.json().author.avatar.urls.small)).statusCode).toBe(200);
      const taken = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bob.auth,
        payload: { avatarId: avatar.id },
      });
      expect(taken.json().error.details[0].field).toBe('avatarId');

      const exported = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: carol.auth });
      const photos = exported.json().photos;
      expect(photos).toHaveLength(2);
      expect(photos[0]).toMatchObject({
        id: avatar.id,
        alt: 'Carol smiling',
        attachedTo: { type: 'user', id: carol.id },
      });
      expect(Date.parse(exported.json().photoLinksExpireAt) - Date.now()).toBeGreaterThan(DAY);
      const link = new URL(photos[0].jpeg);
      const file = await get(t.app, link.pathname + link.search);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/jpeg');

      const owned = (
        await t.db
          .selectFrom('media_files')
          .innerJoin('media', 'media.id', 'media_files.media_id')
          .select('key')
          .where('media.owner_id', '=', carol.id)
          .execute()
      ).map((row) => row.key);
      const gone = await t.app.inject({
        method: 'DELETE',
        url: '/api/me',
        headers: carol.auth,
        payload: { password: 'correct horse battery' },
      });
      expect(gone.statusCode, gone.body).toBe(204);
      expect(await t.db.selectFrom('media').select('id').where('owner_id', '=', carol.id).execute()).toEqual([]);
      await t.app.jobs.runDue();
      const left = new Set(await objects());
      for (const key of owned) expect(left.has(key)).toBe(false);
    });

    it('are processed beside the event loop: the API answers while ten uploads run', async () => {
      const photo = await phoneJpeg(1600, 1200);
      const uploads = Array.from({ length: 10 }, () => upload(t.app, alice, photo));
      let lastUpload = 0;
      void Promise.all(uploads).then(() => (lastUpload = performance.now()));
      const started = performance.now();
      const health = await t.app.inject({ method: 'GET', url: '/api/nearby?lat=52.5&lng=13.42&radius=1000' });
      const answered = performance.now();
      expect(health.statusCode).toBe(200);
      const results = await Promise.all(uploads);
      expect(results.map((result) => result.statusCode)).toEqual(Array(10).fill(201));
      expect(lastUpload).toBeGreaterThan(answered);
      expect(answered - started).toBeLessThan((lastUpload - started) / 2);
    });
    backend.more?.(t, () => alice);
  });
}
