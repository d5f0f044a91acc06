/**
 * Objects in an S3-compatible bucket, through the official AWS SDK. `https://endpoint/bucket/prefix`
 * addresses a bucket path-style on any S3-compatible server; `s3://bucket/prefix` one on Amazon S3.
 * A PUT is atomic on S3: an object is there whole or not at all.
 */
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { assertKey, type ObjectStorage, type StorageOptions, type StoredObject } from './object-storage.js';

type S3Options = NonNullable<StorageOptions['s3']>;

export class S3ObjectStorage implements ObjectStorage {
  readonly kind = 's3';

  private constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  static open(options: S3Options): S3ObjectStorage {
    // The SDK is pinned to the last line that runs on Node 20 (package.json); its notice that
    // later lines will not says nothing an operator can act on at run time.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const url = new URL(options.url);
    const amazon = url.protocol === 's3:';
    const parts = amazon ? [url.hostname, ...url.pathname.split('/')] : url.pathname.split('/');
    const [bucket, ...prefix] = parts.filter(Boolean) as [string, ...string[]];
    const client = new S3Client({
      region: options.region,
      ...(amazon ? {} : { endpoint: url.origin, forcePathStyle: true }),
      ...(options.accessKeyId && options.secretAccessKey
        ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
        : {}),
    });
    return new S3ObjectStorage(client, bucket, prefix.map((part) => `${part}/`).join(''));
  }

  #key(key: string): string {
    assertKey(key);
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.#key(key), Body: body, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.#key(key) }));
      return { body: answer.Body as Readable, bytes: answer.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404))
        return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.#key(key) }));
  }

  async list(): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key.slice(this.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
