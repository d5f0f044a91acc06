/** Pure formatting of distances, dates and labels for people. */
import type { PlaceKind } from './api/places';
import { browserTimeZone, isTimeZone, zoneOffsetMinutes } from './time';

/**
 * "45 m", "350 m", "1.2 km", "12 km": metres are rounded to 10 m (GPS is not better than that),
 * one decimal below 10 km, whole kilometres above.
 */
export function formatDistance(meters: number, units: DistanceUnits = distanceUnits): string {
  if (!Number.isFinite(meters) || meters < 0) return '';
  if (units === 'imperial') return formatImperial(meters);
  if (meters < 100) return `${Math.round(meters)} m`;
  const rounded = Math.round(meters / 10) * 10;
  if (rounded < 1000) return `${rounded} m`;
  const km = meters / 1000;
  if (km < 9.95) return `${trimZero(km.toFixed(1))} km`;
  return `${Math.round(km)} km`;
}

/** Metres in a mile and in a foot (international definitions). */
export const METERS_PER_MILE = 1609.344;
const METERS_PER_FOOT = 0.3048;

/**
 * "320 ft", "0.25 mi", "1.2 mi", "15 mi": feet to the nearest 10 below a tenth of a mile, then
 * miles to a twentieth below one, one decimal below ten, whole miles above.
 */
function formatImperial(meters: number): string {
  const miles = meters / METERS_PER_MILE;
  if (miles < 0.1) return `${Math.round(meters / METERS_PER_FOOT / 10) * 10} ft`;
  if (miles < 0.975) return `${trimZeros((Math.round(miles * 20) / 20).toFixed(2))} mi`;
  if (miles < 9.95) return `${trimZero(miles.toFixed(1))} mi`;
  return `${Math.round(miles)} mi`;
}

/**
 * Miles for US English, kilometres everywhere else (the UK signs roads in miles, but people there
 * read kilometres on maps and apps as readily, and this keeps the rule to one language tag).
 */
export type DistanceUnits = 'metric' | 'imperial';

export function unitsForLanguage(language: string): DistanceUnits {
  return /^en-US$/i.test(language) ? 'imperial' : 'metric';
}

/** Metric until main.ts reads the browser's language, so tests and other runs stay in kilometres. */
let distanceUnits: DistanceUnits = 'metric';

export function useDistanceUnits(units: DistanceUnits): void {
  distanceUnits = units;
}

export function currentDistanceUnits(): DistanceUnits {
  return distanceUnits;
}

function trimZeros(value: string): string {
  return value.replace(/\.?0+$/, '');
}

function trimZero(value: string): string {
  return value.endsWith('.0') ? value.slice(0, -2) : value;
}

/**
 * One Intl.DateTimeFormat per locale and options, made on first use: making one costs far more
 * than formatting with it, and the map and the list describe every meetup by its date, so a
 * formatter per date showed up in every page load (docs/performance.md, "In the browser").
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

export interface DateFormatOptions {
  locale?: string;
  timeZone?: string;
}

/** "Sat 14 Jun, 19:00" style, in the reader's locale unless one is given. */
export function formatDateTime(iso: string, { locale, timeZone }: DateFormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** "Tue 1 Dec 2026" in the given zone. */
function formatDay(date: Date, { locale, timeZone }: DateFormatOptions): string {
  return dateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(date);
}

function formatClock(date: Date, { locale, timeZone }: DateFormatOptions): string {
  return dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

/**
 * "Tue 1 Dec 2026, 19:00–22:00" read on the clock of `timeZone` (a meetup's own zone, so the
 * time is the one printed on the poster); an end on another day carries its own date.
 */
export function formatTimeRange(startsAt: string, endsAt: string, options: DateFormatOptions = {}): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime())) return '';
  const startDay = formatDay(start, options);
  const from = `${startDay}, ${formatClock(start, options)}`;
  if (Number.isNaN(end.getTime())) return from;
  const endDay = formatDay(end, options);
  if (endDay === startDay) return `${from}–${formatClock(end, options)}`;
  return `${from} – ${endDay}, ${formatClock(end, options)}`;
}

/** "Europe/Berlin (CET)": the zone's name and, where the locale has one, its short name then. */
export function formatZone(timeZone: string, at: string, locale?: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return timeZone;
  try {
    const short = dateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value;
    return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
  } catch {
    return timeZone;
  }
}

/** "1 Dec 2026, 10:22": when something was written, on the reader's clock. */
export function formatWritten(iso: string, { locale, timeZone }: DateFormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** Coordinates for people: five decimals (~1 m), hemisphere letters instead of signs. */
export function formatCoordinates({ lat, lng }: { lat: number; lng: number }): string {
  const latText = `${Math.abs(lat).toFixed(5)}° ${lat < 0 ? 'S' : 'N'}`;
  const lngText = `${Math.abs(lng).toFixed(5)}° ${lng < 0 ? 'W' : 'E'}`;
  return `${latText}, ${lngText}`;
}

/** Kinds whose name is more than their words; keyed by the API's kinds, so tsc notices one that is gone. */
export const PLACE_KIND_NAMES: Partial<Record<PlaceKind, string>> = {
  cafe: 'Café',
  game_store: 'Game store',
  community_centre: 'Community centre',
};

/** "game_store" → "Game store"; a few names get their proper spelling. */
export function formatPlaceKind(placeKind: string): string {
  const known = PLACE_KIND_NAMES[placeKind as PlaceKind];
  if (known) return known;
  const words = placeKind.replace(/[_-]+/g, ' ').trim();
  return capitalise(words);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 item", "3 items". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** A meetup's time as every page shows it (web/src/lib/components/MeetupTime.svelte). */
export interface MeetupTimeText {
  /** On the meetup's own clock, the time printed on its poster: "Tue 1 Dec 2026, 19:00–22:00". */
  when: string;
  /** The meetup's zone, "Europe/Berlin (CET)", when the viewer's clock reads otherwise; else null. */
  zone: string | null;
  /** The start on the viewer's clock, "13:00 your time (Tue 1 Dec)", when it reads otherwise; else null. */
  yours: string | null;
}

export interface MeetupTimeOptions {
  locale?: string;
  /** The viewer's zone; the browser's by default. */
  viewerZone?: string;
  /** Only the start ("Tue 1 Dec, 19:00"), for one-line places such as the map's popups. */
  startOnly?: boolean;
  /** Name the zone even where the viewer's clock agrees (the meetup's own page). */
  alwaysNameZone?: boolean;
}

/**
 * The one way a meetup's time is written: on the meetup's clock, and where the viewer's clock
 * reads differently at that instant (another zone, or the same name on the other side of a
 * change the viewer is not in), the zone is named and the viewer's own time follows as a note.
 * Zones whose clocks agree (Paris and Berlin) add nothing.
 */
export function meetupTime(
  meetup: { startsAt: string; endsAt?: string | null; timeZone?: string | null },
  { locale, viewerZone = browserTimeZone(), startOnly = false, alwaysNameZone = false }: MeetupTimeOptions = {},
): MeetupTimeText {
  const start = new Date(meetup.startsAt);
  if (Number.isNaN(start.getTime())) return { when: '', zone: null, yours: null };
  const timeZone = meetup.timeZone && isTimeZone(meetup.timeZone) ? meetup.timeZone : viewerZone;
  const own = { locale, timeZone };
  const when =
    startOnly || !meetup.endsAt
      ? formatDateTime(meetup.startsAt, own)
      : formatTimeRange(meetup.startsAt, meetup.endsAt, own);
  const instant = start.getTime();
  if (zoneOffsetMinutes(instant, timeZone) === zoneOffsetMinutes(instant, viewerZone)) {
    return { when, zone: alwaysNameZone ? formatZone(timeZone, meetup.startsAt, locale) : null, yours: null };
  }
  const viewer = { locale, timeZone: viewerZone };
  const sameDay = formatDay(start, own) === formatDay(start, viewer);
  const clock = formatClock(start, viewer);
  const day = dateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: viewerZone });
  return {
    when,
    zone: formatZone(timeZone, meetup.startsAt, locale),
    yours: sameDay ? `${clock} your time` : `${clock} your time (${day.format(start)})`,
  };
}

/** `meetupTime` in one line: "Tue 1 Dec, 19:00 Europe/Berlin (CET) · 13:00 your time". */
export function meetupTimeLine(
  meetup: { startsAt: string; endsAt?: string | null; timeZone?: string | null },
  options: MeetupTimeOptions = {},
): string {
  const { when, zone, yours } = meetupTime(meetup, options);
  return [zone ? `${when} ${zone}` : when, yours].filter(Boolean).join(' · ');
}

/** "2–4 players · 60 min", "5+ players", "up to 4 players"; empty when nothing is known. */
export function formatGameFacts(game: {
  minPlayers: number | null;
  maxPlayers: number | null;
  playMinutes: number | null;
}): string {
  const { minPlayers: min, maxPlayers: max, playMinutes } = game;
  let players: string | null = null;
  if (min !== null && max !== null) players = min === max ? plural(min, 'player') : `${min}–${max} players`;
  else if (min !== null) players = `${min}+ players`;
  else if (max !== null) players = `up to ${plural(max, 'player')}`;
  const parts = [players, playMinutes !== null ? `${playMinutes} min` : null].filter(Boolean);
  return parts.join(' · ');
}
