/**
 * Photo URLs. Browsers fetch `<img>` without the Authorization header, so a photo that not
 * everyone may see carries a key in its URL: signed by the server, naming the viewer and the
 * last day it is good for. The key says who is asking, never what they may see: every request
 * is checked against the photo's post, meetup or group as it is now, so leaving a private group
 * ends access to its photos at once, key or not. Keys change once a day, so a browser's cached
 * copy is reused all day.
 */
import type { MediaFormat, MediaVariant } from '../../db/tables/media.js';
import { AppError } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import type { MediaRow } from './queries.js';
import type { Media } from './schemas.js';

interface MediaKey {
  /** The viewer. */
  u: number;
  /** The last day (days since 1970-01-01, UTC) the key is good for. */
  d: number;
}

const DAY_MS = 86_400_000;
const today = (now: number) => Math.floor(now / DAY_MS);

const isMediaKey = (value: unknown): value is MediaKey =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as MediaKey).u) &&
  Number.isSafeInteger((value as MediaKey).d);

/** A key for the viewer, good until the end of tomorrow (UTC): at least a day, and the same all day. */
export function mediaKeyFor(codec: SignedCodec, viewerId: number, now = Date.now()): string {
  return codec.encode({ u: viewerId, d: today(now) + 1 } satisfies MediaKey);
}

/** When a key made now stops working. */
export function mediaKeyExpiry(now = Date.now()): Date {
  return new Date((today(now) + 2) * DAY_MS);
}

/** The viewer a key names; 403 link_expired once its day has passed. */
export function readMediaKey(codec: SignedCodec, key: string, now = Date.now()): number {
  const { u, d } = codec.decode(key, isMediaKey);
  if (d < today(now)) {
    throw new AppError(403, 'link_expired', 'This photo link has expired. Load the page again for a new one.');
  }
  return u;
}

const EXTENSIONS: Record<MediaFormat, string> = { webp: 'webp', jpeg: 'jpg' };
export const FORMAT_OF_EXTENSION: Record<string, MediaFormat> = { webp: 'webp', jpg: 'jpeg' };
export const CONTENT_TYPES: Record<MediaFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg' };

export function mediaPath(id: number, variant: MediaVariant, format: MediaFormat, key: string | null): string {
  return `/media/${id}/${variant}.${EXTENSIONS[format]}${key === null ? '' : `?key=${key}`}`;
}

/** The photo as the API answers it to this viewer. */
export function toMedia(row: MediaRow, codec: SignedCodec | null, viewerId: number | null): Media {
  const key = row.restricted && viewerId !== null && codec !== null ? mediaKeyFor(codec, viewerId) : null;
  const urls = (format: MediaFormat) => ({
    small: mediaPath(row.id, 'small', format, key),
    medium: mediaPath(row.id, 'medium', format, key),
    large: mediaPath(row.id, 'large', format, key),
  });
  return {
    id: row.id,
    alt: row.alt,
    width: row.width,
    height: row.height,
    placeholder: row.placeholder,
    urls: urls('webp'),
    jpegUrls: urls('jpeg'),
    widths: { small: row.sizes.small.width, medium: row.sizes.medium.width, large: row.sizes.large.width },
  };
}
