/** Pure formatting of distances, dates and labels for people. */

/**
 * "45 m", "350 m", "1.2 km", "12 km": metres are rounded to 10 m (GPS is not better than that),
 * one decimal below 10 km, whole kilometres above.
 */
export function formatDistance(meters: number): string {
  if (!Number.isFinite(meters) || meters < 0) return '';
  if (meters < 100) return `${Math.round(meters)} m`;
  const rounded = Math.round(meters / 10) * 10;
  if (rounded < 1000) return `${rounded} m`;
  const km = meters / 1000;
  if (km < 9.95) return `${trimZero(km.toFixed(1))} km`;
  return `${Math.round(km)} km`;
}

function trimZero(value: string): string {
  return value.endsWith('.0') ? value.slice(0, -2) : value;
}

export interface DateFormatOptions {
  locale?: string;
  timeZone?: string;
}

/** "Sat 14 Jun, 19:00" style, in the reader's locale unless one is given. */
export function formatDateTime(iso: string, { locale, timeZone }: DateFormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

const PLACE_KINDS: Record<string, string> = {
  cafe: 'Café',
  game_store: 'Game store',
  community_centre: 'Community centre',
};

/** "game_store" → "Game store"; a few names get their proper spelling. */
export function formatPlaceKind(placeKind: string): string {
  const known = PLACE_KINDS[placeKind];
  if (known) return known;
  const words = placeKind.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 item", "3 items". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
