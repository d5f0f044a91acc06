/**
 * Photos: upload-to-ready time of a 12-megapixel JPEG (the request from its first byte to the
 * answer with the stored renditions), uploads per second with 4 at once, the server's memory
 * meanwhile, and `/api/nearby` latency while uploads run beside the same figure without them: the
 * processing runs on threads beside the event loop, so reads should barely notice it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../../server/src/db/schema.js';
import { queryPoints } from '../lib/geography.js';
import { httpLoad } from '../lib/load.js';
import type { Figure } from '../lib/report.js';
import { startServer } from '../lib/server.js';
import { freePort } from '../../tools/ports.js';
import { summarise } from '../lib/stats.js';

const GROUP = 'Photos (12-megapixel JPEG, files under DATA_DIR/media)';

/** A 4000 × 3000 photo-like JPEG: smooth gradients with grain, a few MB as a phone writes it. */
export async function twelveMegapixelJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) & 15;
      const i = (y * width + x) * 3;
      pixels[i] = ((x * 255) / width + grain) & 255;
      pixels[i + 1] = ((y * 255) / height + grain) & 255;
      pixels[i + 2] = ((x + y) % 512 > 256 ? 200 : 60) + grain;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function measureMedia(
  databaseUrl: string,
  db: Kysely<Database>,
  jwtSecret: string,
  seconds: number,
  uploads: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vicinity-bench-media-'));
  const server = await startServer('bench/server.ts', {
    DATABASE_URL: databaseUrl,
    PORT: String(await freePort()),
    JWT_SECRET: jwtSecret,
    DATA_DIR: dataDir,
  });
  let ownerId: number | null = null;
  try {
    const registered = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `uploads-${Date.now()}@example.org`,
        // Passwords must be strong and must not contain the name or the email's parts.
        password: 'quiet harbour lantern 1987',
        displayName: 'Photo Uploader',
      }),
    });
    if (!registered.ok) throw new Error(`registering answered ${registered.status}: ${await registered.text()}`);
    const { token, user } = (await registered.json()) as { token: string; user: { id: number } };
    ownerId = user.id;
    const photo = await twelveMegapixelJpeg();
    log(`  a ${(photo.length / 2 ** 20).toFixed(1)} MB JPEG, ${uploads} uploads one at a time…`);

    const upload = async () => {
      const form = new FormData();
      form.set('alt', 'A benchmark photo');
      form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
      const started = performance.now();
      const response = await fetch(`${server.url}/api/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
      return performance.now() - started;
    };

    await upload(); // warm the image library and JIT
    const serial: number[] = [];
    for (let i = 0; i < uploads; i++) serial.push(await upload());
    const single = summarise(serial);

    // Four at once, for as many uploads again, while the server's memory is sampled.
    let peakRssMiB = server.rssMiB();
    const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, server.rssMiB())), 100);
    const started = performance.now();
    let remaining = uploads;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (remaining-- > 0) await upload();
      }),
    );
    const perSecond = uploads / ((performance.now() - started) / 1000);
    clearInterval(sampler);

    // /api/nearby alone, then with four uploads at a time running beside it for as long.
    const paths = queryPoints(100, 13).map(
      (p) => `/api/nearby?lat=${p.lat.toFixed(6)}&lng=${p.lng.toFixed(6)}&radius=5000&limit=50`,
    );
    await httpLoad(server.url, paths, 10, 2);
    const quiet = await httpLoad(server.url, paths, 10, seconds);
    let uploading = true;
    const background = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (uploading) await upload();
      }),
    );
    const busy = await httpLoad(server.url, paths, 10, seconds);
    uploading = false;
    await background;

    return [
      {
        group: GROUP,
        name: 'upload to ready, one at a time',
        unit: 'ms',
        p50: single.p50,
        p99: single.p99,
        note: `${single.samples} uploads: decode, orient, 3 sizes × WebP + JPEG, ThumbHash, store`,
      },
      { group: GROUP, name: 'uploads per second, 4 at once', unit: '/s', value: perSecond },
      { group: GROUP, name: 'server peak RSS during them', unit: 'MiB', value: peakRssMiB },
      {
        group: GROUP,
        name: 'GET /api/nearby, 10 connections, beside 4 uploads at a time',
        unit: 'ms',
        p50: busy.p50,
        p99: busy.p99,
        baseline: { name: 'without uploads', p50: quiet.p50, p99: quiet.p99 },
        ratio: busy.p99 / quiet.p99,
        ratioMeaning: 'p99 with uploads / without',
        note: `${busy.requests} requests with, ${quiet.requests} without`,
      },
    ];
  } finally {
    await server.stop();
    if (ownerId !== null) {
      // The photos' rows go with their test account; the files with the folder.
      await db.deleteFrom('jobs').where('kind', 'like', 'media.%').execute();
      await db.deleteFrom('media').where('owner_id', '=', ownerId).execute();
      await db.deleteFrom('users').where('id', '=', ownerId).execute();
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}
