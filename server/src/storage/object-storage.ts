/**
 * Where uploaded photos' files live: a folder on this machine, or an S3-compatible bucket that
 * several server processes share. Both keep immutable objects under content-addressed keys (the
 * hash of the bytes), so writing the same object twice is harmless, an object never changes once
 * written, and nothing needs to know which process wrote it.
 */
import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  bytes: number;
}

export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /** Writes the object whole or not at all: a failed write leaves no partial object behind. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Deletes the object; deleting one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Every key held (for tests and maintenance; walks everything). */
  list(): Promise<string[]>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** Folder of the local store. */
  directory: string;
  /** S3-compatible storage instead, when set. */
  s3: { url: string; region: string; accessKeyId: string | null; secretAccessKey: string | null } | null;
}

/** Keys are made by the server (`ab/<sha256>.webp`); anything else is refused rather than used as a path. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}\.(webp|jpg)$/;

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
}

/** The key of an object with these bytes' hash and this extension. */
export function contentKey(sha256Hex: string, extension: 'webp' | 'jpg'): string {
  return `${sha256Hex.slice(0, 2)}/${sha256Hex}.${extension}`;
}
