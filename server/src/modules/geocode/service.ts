/**
 * Finding towns and addresses: through the configured geocoder (Photon or Nominatim) when there is
 * one, with the offline gazetteer as the answer whenever it cannot help in time.
 *
 * The geocoder's answers are cached in the database (queries.ts) for CACHE_TTL_MS, shared by every
 * process; there is no second, in-process cache, because a lookup by key costs less than a
 * millisecond next to a geocoder's tens to hundreds, and one cache cannot disagree with itself.
 * Requests to the service take turns through the database too, so the whole installation keeps
 * to its rate (Nominatim's usage policy: at most one request per second). A failure of any kind —
 * no turn in time, a timeout, an error status, an unreadable answer — is logged and answered by
 * the gazetteer: the geocoder never makes this route fail.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/schema.js';
import { badRequest } from '../../plugins/errors.js';
import { foldName, searchPlaces } from './gazetteer.js';
import { GeocoderFailure, type AddressQuery, type GeocoderKindKnown } from './geocoder-answers.js';
import { GeocoderClient, type GeocoderSettings } from './geocoder-client.js';
import { deleteExpiredAnswers, readAnswer, storeAnswer, takeTurn } from './queries.js';
import type { GeocodeAnswer, GeocodeQuery, GeocodeResult } from './schemas.js';

export type { GeocoderSettings } from './geocoder-client.js';

const GAZETTEER_ATTRIBUTION = 'GeoNames (geonames.org), CC BY 4.0';
const OSM_ATTRIBUTION = '© OpenStreetMap contributors, ODbL (openstreetmap.org/copyright)';
const ATTRIBUTION: Record<GeocoderKindKnown, string> = {
  photon: `${OSM_ATTRIBUTION}; search by Photon`,
  nominatim: `${OSM_ATTRIBUTION}; search by Nominatim`,
};

/** Addresses change slowly; a week keeps popular searches off the service without going stale. */
export const CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/**
 * Time between two requests to the service, across the installation. Nominatim allows one a
 * second; a little more keeps the jitter of sending from ever bringing two closer than that where
 * they arrive. Photon's public server asks for fair use without a figure: ten a second at most.
 */
const TURN_INTERVAL_MS: Record<GeocoderKindKnown | 'detect', number> = { nominatim: 1100, photon: 100, detect: 1100 };

/** The map centre is rounded for the request, so that searches from nearby views share answers. */
const roundCentre = (value: number) => Math.round(value * 10) / 10;

export interface GeocodeService {
  find(query: GeocodeQuery, log: FastifyBaseLogger): Promise<GeocodeAnswer>;
}

function fromGazetteer(q: string, limit: number): GeocodeAnswer {
  const results = searchPlaces(q, limit).map((town): GeocodeResult => ({ ...town, type: 'town' }));
  return { results, source: 'gazetteer', attribution: GAZETTEER_ATTRIBUTION };
}

function isCachedAnswer(value: unknown): value is { results: GeocodeResult[]; attribution: string } {
  const answer = value as { results?: unknown; attribution?: unknown } | null;
  return Array.isArray(answer?.results) && typeof answer.attribution === 'string';
}

export function createGeocodeService(
  db: Kysely<Database>,
  settings: (GeocoderSettings & { timeoutMs: number }) | null,
): GeocodeService {
  const client = settings ? new GeocoderClient(settings) : null;
  let detected: Promise<GeocoderKindKnown> | null = null;
  let lastCleanup = 0;

  /** Waits for the service's next turn; none within `maxWaitMs` is a failure. */
  async function turn(kind: GeocoderKindKnown | 'detect', deadline: number, signal: AbortSignal): Promise<void> {
    const maxWaitMs = Math.max(0, (deadline - Date.now()) / 2);
    const wait = await takeTurn(db, `geocoder ${settings!.url}`, TURN_INTERVAL_MS[kind], Math.round(maxWaitMs));
    if (wait === null) throw new GeocoderFailure('no turn to ask the geocoder in time (rate limit)');
    if (wait > 0) await sleep(wait, undefined, { signal });
  }

  function kindOf(deadline: number, signal: AbortSignal): Promise<GeocoderKindKnown> {
    if (settings!.kind !== 'detect') return Promise.resolve(settings!.kind);
    detected ??= turn('detect', deadline, signal)
      .then(() => client!.detect(signal))
      .catch((error: unknown) => {
        detected = null;
        throw error;
      });
    return detected;
  }

  async function fromGeocoder(query: AddressQuery, key: string): Promise<GeocodeAnswer> {
    const cached = await readAnswer(db, key);
    if (isCachedAnswer(cached)) return { ...cached, source: 'geocoder' };
    const deadline = Date.now() + settings!.timeoutMs;
    const signal = AbortSignal.timeout(settings!.timeoutMs);
    const kind = await kindOf(deadline, signal);
    await turn(kind, deadline, signal);
    const results = await client!.search(kind, query, signal);
    const answer = { results, attribution: ATTRIBUTION[kind] };
    await storeAnswer(db, key, answer, CACHE_TTL_MS);
    if (Date.now() - lastCleanup > CLEANUP_EVERY_MS) {
      lastCleanup = Date.now();
      await deleteExpiredAnswers(db);
    }
    return { ...answer, source: 'geocoder' };
  }

  return {
    async find({ q, limit, lat, lng, source }, log) {
      if ((lat === undefined) !== (lng === undefined)) {
        throw badRequest('validation_failed', 'Give lat and lng together, or neither.');
      }
      if (!settings || source === 'gazetteer') return fromGazetteer(q, limit);
      const near = lat !== undefined && lng !== undefined ? { lat: roundCentre(lat), lng: roundCentre(lng) } : null;
      const key = [settings.url, limit, near ? `${near.lat},${near.lng}` : '-', foldName(q)].join('|');
      try {
        return await fromGeocoder({ q: q.trim(), limit, near }, key);
      } catch (error) {
        log.warn({ err: error }, 'geocoder failed; the gazetteer answers');
        return fromGazetteer(q, limit);
      }
    },
  };
}
