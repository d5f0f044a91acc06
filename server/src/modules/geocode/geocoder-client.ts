/**
 * HTTP to the configured Photon or Nominatim server: identifies the installation as their usage
 * policies ask (a User-Agent with a contact, the Referer of the app), stops at a deadline, and
 * refuses anything but a readable answer.
 */
import {
  GeocoderFailure,
  kindFromStatus,
  readNominatim,
  readPhoton,
  searchUrl,
  type AddressQuery,
  type GeocoderKindKnown,
} from './geocoder-answers.js';
import type { GeocodeResult } from './schemas.js';

export interface GeocoderSettings {
  /** Base address, without a trailing slash. */
  url: string;
  kind: GeocoderKindKnown | 'detect';
  /** An email address or web page of whoever runs this installation. */
  contact: string;
  publicUrl: string | null;
}

/** Answers larger than this are not geocoder answers to a short query. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export class GeocoderClient {
  constructor(private readonly settings: GeocoderSettings) {}

  private headers(): Record<string, string> {
    const { contact, publicUrl } = this.settings;
    return {
      accept: 'application/json',
      'user-agent': `Vicinity (${publicUrl ? `${publicUrl}; ` : ''}${contact})`,
      ...(publicUrl ? { referer: `${publicUrl}/` } : {}),
    };
  }

  private async getJson(url: URL, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, { headers: this.headers(), signal, redirect: 'follow' });
    } catch (error) {
      throw new GeocoderFailure(`${url.origin} could not be reached: ${(error as Error).message}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new GeocoderFailure(`${url.origin} answered ${response.status}`);
    }
    const text = await response.text().catch((error: unknown) => {
      throw new GeocoderFailure(`${url.origin} broke off its answer: ${(error as Error).message}`);
    });
    if (text.length > MAX_ANSWER_BYTES) throw new GeocoderFailure(`${url.origin} answered more than a search answer`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new GeocoderFailure(`${url.origin} answered something that is not JSON`);
    }
  }

  async search(kind: GeocoderKindKnown, query: AddressQuery, signal: AbortSignal): Promise<GeocodeResult[]> {
    const body = await this.getJson(searchUrl(this.settings.url, kind, query, this.settings.contact), signal);
    return kind === 'photon' ? readPhoton(body) : readNominatim(body);
  }

  /** Which of the two the server is: its `/status` answer says, else its host name may. */
  async detect(signal: AbortSignal): Promise<GeocoderKindKnown> {
    const status = new URL(`${this.settings.url}/status`);
    status.searchParams.set('format', 'json');
    const fromStatus = await this.getJson(status, signal).then(kindFromStatus, (error: unknown) => {
      if (signal.aborted) throw error;
      return null;
    });
    const host = new URL(this.settings.url).hostname;
    const kind = fromStatus ?? (host.includes('nominatim') ? 'nominatim' : host.includes('photon') ? 'photon' : null);
    if (!kind) throw new GeocoderFailure(`${this.settings.url} is neither Photon nor Nominatim: set GEOCODER_KIND`);
    return kind;
  }
}
