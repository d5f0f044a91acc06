/**
 * The server's map settings, asked for once per visit and shared by every map on every page;
 * a failed attempt is forgotten so the next map can try again.
 */
import { getConfig, type ClientConfig } from './api/config';

let pending: Promise<ClientConfig> | null = null;

export function clientConfig(): Promise<ClientConfig> {
  pending ??= getConfig().catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

// The town search runs on GeoNames data, whose licence asks for credit where it is used.
export const GEONAMES_CREDIT = 'Town search: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

/** The tile credit and the town-search credit, for maps that offer the search. */
export function mapAttribution(config: ClientConfig, withTownSearch: boolean): string {
  return [config.tileAttribution, withTownSearch ? GEONAMES_CREDIT : null].filter(Boolean).join(' | ');
}

/** Where the map was last looked at, so the feed and forms start there too. */
const LAST_VIEW_KEY = 'vicinity.lastView';

export interface StoredView {
  lat: number;
  lng: number;
  zoom: number;
}

export function rememberView(view: StoredView): void {
  try {
    window.localStorage.setItem(LAST_VIEW_KEY, JSON.stringify(view));
  } catch {
    // Storage may be off; the configured default is then used.
  }
}

export function lastView(): StoredView | null {
  try {
    const raw = window.localStorage.getItem(LAST_VIEW_KEY);
    if (!raw) return null;
    const { lat, lng, zoom } = JSON.parse(raw) as Partial<StoredView>;
    if (typeof lat !== 'number' || Math.abs(lat) > 90 || typeof lng !== 'number' || Math.abs(lng) > 180) return null;
    return { lat, lng, zoom: typeof zoom === 'number' ? zoom : 14 };
  } catch {
    return null;
  }
}
