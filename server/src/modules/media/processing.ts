/**
 * Turns an uploaded image into the renditions Vicinity keeps: the orientation applied, then
 * three sizes (320, 960 and 1920 px on the long side, never enlarged), each as WebP and as a
 * JPEG fallback, plus a ThumbHash placeholder. Nothing of the file's metadata survives: the
 * renditions are encoded from decoded pixels, and the image library writes no EXIF, GPS, XMP,
 * IPTC, ICC or maker notes unless asked to (colour profiles are converted to sRGB first).
 *
 * AVIF is not made: encoding it cost several times the rest of the work per photo
 * (docs/performance.md), and every browser that shows AVIF shows WebP.
 *
 * sharp does its work on libuv's thread pool, off the event loop. Each photo's steps run one
 * after another, so a photo holds one pool thread at a time and the pool keeps threads free for
 * file access; `ProcessingQueue` bounds how many photos are worked on at once.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import type { MediaFormat, MediaSizes, MediaVariant } from '../../db/tables/media.js';

// Cached operations only help when the same input comes again; photos come once.
sharp.cache(false);

export const RENDITION_SIZES: Record<MediaVariant, number> = { small: 320, medium: 960, large: 1920 };
const VARIANTS = Object.keys(RENDITION_SIZES) as MediaVariant[];

export interface Rendition {
  variant: MediaVariant;
  format: MediaFormat;
  bytes: Buffer;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

export interface ProcessedImage {
  /** Of the largest rendition. */
  width: number;
  height: number;
  sizes: MediaSizes;
  /** ThumbHash, base64. */
  placeholder: string;
  renditions: Rendition[];
}

/** Why an image was refused. */
export class ImageRefusal extends Error {
  constructor(
    readonly reason: 'too_many_pixels' | 'unreadable',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ImageRefusal';
  }
}

const WEBP = { quality: 80 };
const JPEG = { quality: 82, progressive: true };

export async function processImage(input: Buffer, { maxPixels }: { maxPixels: number }): Promise<ProcessedImage> {
  // The header alone says how large the image claims to be: a bomb is refused before decoding.
  let header: Metadata;
  try {
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  const { width = 0, height = 0 } = header;
  if (width < 1 || height < 1) throw unreadable();
  if (width * height > maxPixels) {
    throw new ImageRefusal(
      'too_many_pixels',
      `The image is ${width} × ${height} pixels; at most ${maxPixels.toLocaleString('en')} pixels are accepted.`,
      { width, height, maxPixels },
    );
  }

  try {
    // Decoded once, oriented and brought down to the largest size; the rest is made from that.
    // `pages: 1` keeps the first frame of an animation; a truncated file fails here.
    const { data, info } = await sharp(input, { limitInputPixels: maxPixels, failOn: 'truncated', pages: 1 })
      .autoOrient()
      .resize(RENDITION_SIZES.large, RENDITION_SIZES.large, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const raw = { width: info.width, height: info.height, channels: info.channels };
    const fromRaw = () => sharp(data, { raw });

    const renditions: Rendition[] = [];
    const sizes = {} as MediaSizes;
    for (const variant of VARIANTS) {
      const size = RENDITION_SIZES[variant];
      const resized = (pipeline: Sharp) => pipeline.resize(size, size, { fit: 'inside', withoutEnlargement: true });
      const webp = await resized(fromRaw()).webp(WEBP).toBuffer({ resolveWithObject: true });
      sizes[variant] = { width: webp.info.width, height: webp.info.height };
      renditions.push(rendition(variant, 'webp', webp.data));
      // JPEG has no transparency: transparent parts become white rather than black.
      const jpeg = await resized(fromRaw()).flatten({ background: '#ffffff' }).jpeg(JPEG).toBuffer();
      renditions.push(rendition(variant, 'jpeg', jpeg));
    }
    return { width: raw.width, height: raw.height, sizes, placeholder: await thumbHash(fromRaw()), renditions };
  } catch (error) {
    if (error instanceof ImageRefusal) throw error;
    throw unreadable();
  }
}

function rendition(variant: MediaVariant, format: MediaFormat, bytes: Buffer): Rendition {
  return { variant, format, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** ThumbHash works on at most 100 × 100 pixels. */
async function thumbHash(pipeline: Sharp): Promise<string> {
  const { data, info } = await pipeline
    .resize(100, 100, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64');
}

function unreadable(): ImageRefusal {
  return new ImageRefusal('unreadable', 'The image could not be read: the file is damaged or incomplete.');
}

/**
 * At most `concurrency` photos processed at once; others wait in line, up to `maxWaiting`, past
 * which `run` refuses at once so a flood of uploads cannot pile up memory.
 */
export class ProcessingQueue {
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  get running(): number {
    return this.#running;
  }

  /** False when the line is full: the caller answers busy. */
  hasRoom(): boolean {
    return this.#running < this.concurrency || this.#waiting.length < this.maxWaiting;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next in line.
      if (next) next();
      else this.#running -= 1;
    }
  }
}
