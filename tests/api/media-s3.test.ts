/**
 * Photos kept in an S3-compatible bucket (MEDIA_S3_URL), on a local S3 server started here
 * (s3rver), through the same AWS SDK calls as on any S3 service. The same tests as media.test.ts,
 * and what happens when the bucket cannot be reached.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { expect, it } from 'vitest';
import { phoneJpeg, upload } from '../helpers/media.js';
import { describeMediaApi } from '../helpers/media-suite.js';

const BUCKET = 'vicinity-media';
let server: S3rver | undefined;
let directory = '';
let port = 0;

async function startS3(): Promise<void> {
  server = new S3rver({
    port,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  ({ port } = await server.run());
}

describeMediaApi('S3-compatible bucket', {
  async start() {
    directory = await mkdtemp(path.join(tmpdir(), 'vicinity-s3-'));
    await startS3();
  },
  config: () => ({
    // A key prefix after the bucket, as a shared bucket might use.
    mediaS3Url: `http://127.0.0.1:${port}/${BUCKET}/photos`,
    mediaS3AccessKeyId: 'S3RVER',
    mediaS3SecretAccessKey: 'S3RVER',
  }),
  async stop() {
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  },
  more(t, user) {
    it('keep nothing of an upload the bucket could not take, and tidy up once it is back', async () => {
      const photo = await phoneJpeg(500, 400);
      const rows = async () => (await t.db.selectFrom('media').select('id').execute()).map((row) => row.id);
      const before = { rows: await rows(), objects: await t.app.objectStorage.list() };
      await server!.close();
      try {
        const response = await upload(t.app, user(), photo);
        expect(response.statusCode, response.body).toBe(503);
        expect(response.json().error.code).toBe('unavailable');
        expect(await rows()).toEqual(before.rows);
      } finally {
        await startS3();
      }
      // The job that deletes whatever objects were written runs, and finds nothing left to keep.
      await t.app.jobs.runDue();
      const jobs = await t.db
        .selectFrom('jobs')
        .select(['kind', 'status'])
        .where('kind', 'like', 'media.delete%')
        .execute();
      expect(jobs).toEqual([]);
      expect(await t.app.objectStorage.list()).toEqual(before.objects);
    });
  },
});
