/**
 * Objects as files under one folder (DATA_DIR/media): `ab/<sha256>.webp`. A file is written under
 * a temporary name beside its final one and renamed into place, so a reader never sees half a
 * file and a failed or interrupted write leaves none under the key.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { assertKey, type ObjectStorage, type StoredObject } from './object-storage.js';

const TEMPORARY = /\.tmp-[0-9a-f-]+$/;

export class LocalObjectStorage implements ObjectStorage {
  readonly kind = 'local';

  private constructor(private readonly root: string) {}

  static async open(root: string): Promise<LocalObjectStorage> {
    const storage = new LocalObjectStorage(root);
    await storage.#removeTemporaryFiles();
    return storage;
  }

  #path(key: string): string {
    assertKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const target = this.#path(key);
    // The same key always holds the same bytes: an object already there is the one to write.
    if (await exists(target)) return;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.tmp-${randomUUID()}`;
    try {
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(body);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.#path(key);
    try {
      const { size } = await stat(file);
      return { body: createReadStream(file), bytes: size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.#path(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async list(): Promise<string[]> {
    const entries = await entriesUnder(this.root);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  }

  async close(): Promise<void> {}

  /** Left by a process that stopped in the middle of a write. */
  async #removeTemporaryFiles(): Promise<void> {
    const entries = await entriesUnder(this.root);
    await Promise.all(
      entries
        .filter((entry) => entry.isFile() && TEMPORARY.test(entry.name))
        .map((entry) => rm(path.join(entry.parentPath, entry.name), { force: true })),
    );
  }
}

/** Everything under the folder; nothing before the first photo made it. */
async function entriesUnder(root: string) {
  try {
    return await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
