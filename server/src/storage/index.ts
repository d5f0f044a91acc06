/** Opens the store the config names: an S3-compatible bucket, or a folder on this machine. */
import type { ObjectStorage, StorageOptions } from './object-storage.js';

export * from './object-storage.js';

export async function openObjectStorage(options: StorageOptions): Promise<ObjectStorage> {
  if (options.s3) {
    // Loaded only when used: the AWS SDK is large and most servers keep files locally.
    const { S3ObjectStorage } = await import('./s3.js');
    return S3ObjectStorage.open(options.s3);
  }
  const { LocalObjectStorage } = await import('./local.js');
  return LocalObjectStorage.open(options.directory);
}
