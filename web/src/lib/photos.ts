/**
 * What the page needs to show a photo: `srcset` lists for the browser to pick the smallest
 * rendition that fills the space (a phone downloads the small one), and the ThumbHash placeholder
 * as an image to show while it loads.
 */
import { thumbHashToDataURL } from 'thumbhash';
import type { Media } from './api/media';

const VARIANTS = ['small', 'medium', 'large'] as const;

/** `url 320w, url 960w…`, each width once (a small photo's larger renditions are the same file). */
export function srcset(photo: Media, format: 'webp' | 'jpeg'): string {
  const urls = format === 'webp' ? photo.urls : photo.jpegUrls;
  const seen = new Set<number>();
  const entries: string[] = [];
  for (const variant of VARIANTS) {
    const width = photo.widths[variant];
    if (seen.has(width)) continue;
    seen.add(width);
    entries.push(`${urls[variant]} ${width}w`);
  }
  return entries.join(', ');
}

const placeholders = new Map<string, string>();

/** The placeholder as a data: URL (decoded once per photo); empty when it cannot be read. */
export function placeholderUrl(photo: Pick<Media, 'placeholder'>): string {
  let url = placeholders.get(photo.placeholder);
  if (url === undefined) {
    try {
      const bytes = Uint8Array.from(atob(photo.placeholder), (char) => char.charCodeAt(0));
      url = thumbHashToDataURL(bytes);
    } catch {
      url = '';
    }
    placeholders.set(photo.placeholder, url);
  }
  return url;
}

/** Moves the item at `from` one place up (-1) or down (+1); the list is unchanged at its ends. */
export function moved<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}
