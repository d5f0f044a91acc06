/**
 * A small, real HTTP server that stands in for a Photon or a Nominatim server in tests.
 *
 * Neither Photon (a Java application with a multi-gigabyte index) nor Nominatim (PostgreSQL with an
 * imported OpenStreetMap extract) can be installed from Debian or npm here, so this server answers
 * in their documented response formats instead, for a handful of made-up addresses:
 *
 * - Photon, `GET <base>/api?q=…&limit=…&lat=…&lon=…`: a GeoJSON FeatureCollection of Points whose
 *   properties are OSM fields (name, street, housenumber, postcode, city, country, countrycode,
 *   osm_key, osm_value, type); `GET <base>/status`: `{"status":"Ok","import_date":…}`.
 * - Nominatim, `GET <base>/search?q=…&format=jsonv2&addressdetails=1…`: a JSON array of places
 *   (place_id, licence, osm_type, lat and lon as strings, category, type, addresstype, name,
 *   display_name, address{house_number, road, postcode, city, country, country_code}, boundingbox);
 *   `GET <base>/status?format=json`: `{"status":0,"message":"OK",…}`.
 *
 * A path whose first segment contains "photon" is answered as Photon, any other as Nominatim
 * (`/status` included), so one server can play both. `mode` makes it misbehave: slow, an error
 * status, HTML, JSON of the wrong shape, or a dropped connection. Every request is recorded with
 * the moment it arrived.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Date.now() when it arrived. */
  at: number;
}

export type GeocoderMode = 'ok' | 'slow' | 'error' | 'html' | 'wrong-shape' | 'hang-up';

interface Address {
  street: string;
  housenumber: string;
  postcode: string;
  city: string;
  country: string;
  countrycode: string;
  lat: number;
  lon: number;
}

/** Made-up house numbers on real Berlin streets. */
export const ADDRESSES: Address[] = [
  {
    street: 'Oranienstraße',
    housenumber: '25',
    postcode: '10999',
    city: 'Berlin',
    country: 'Deutschland',
    countrycode: 'DE',
    lat: 52.50125,
    lon: 13.41962,
  },
  {
    street: 'Weserstraße',
    housenumber: '58',
    postcode: '12045',
    city: 'Berlin',
    country: 'Deutschland',
    countrycode: 'DE',
    lat: 52.48563,
    lon: 13.43518,
  },
  {
    street: 'Bergmannstraße',
    housenumber: '5',
    postcode: '10961',
    city: 'Berlin',
    country: 'Deutschland',
    countrycode: 'DE',
    lat: 52.48962,
    lon: 13.39305,
  },
];

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');

/** Addresses whose street starts like the query's first word. */
function matching(q: string): Address[] {
  const word = fold(q).split(/[\s,]+/)[0] ?? '';
  return word.length < 3 ? [] : ADDRESSES.filter((address) => fold(address.street).startsWith(word));
}

function photonAnswer(q: string) {
  return {
    type: 'FeatureCollection',
    features: matching(q).map((a, index) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
      properties: {
        osm_type: 'N',
        osm_id: 1000 + index,
        osm_key: 'place',
        osm_value: 'house',
        type: 'house',
        housenumber: a.housenumber,
        street: a.street,
        postcode: a.postcode,
        city: a.city,
        country: a.country,
        countrycode: a.countrycode,
        extent: [a.lon - 0.0001, a.lat + 0.0001, a.lon + 0.0001, a.lat - 0.0001],
      },
    })),
  };
}

function nominatimAnswer(q: string) {
  return matching(q).map((a, index) => ({
    place_id: 2000 + index,
    licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
    osm_type: 'node',
    osm_id: 3000 + index,
    lat: String(a.lat),
    lon: String(a.lon),
    category: 'place',
    type: 'house',
    place_rank: 30,
    importance: 0.00001,
    addresstype: 'place',
    name: '',
    display_name: `${a.housenumber}, ${a.street}, ${a.city}, ${a.postcode}, ${a.country}`,
    address: {
      house_number: a.housenumber,
      road: a.street,
      city: a.city,
      postcode: a.postcode,
      country: a.country,
      country_code: a.countrycode.toLowerCase(),
    },
    boundingbox: [String(a.lat - 0.0001), String(a.lat + 0.0001), String(a.lon - 0.0001), String(a.lon + 0.0001)],
  }));
}

export interface GeocoderServer {
  url: string;
  received: ReceivedRequest[];
  mode: GeocoderMode;
  /** How long `slow` waits before answering. */
  slowMs: number;
  close(): Promise<void>;
}

export async function startGeocoderServer(): Promise<GeocoderServer> {
  const state = { received: [] as ReceivedRequest[], mode: 'ok' as GeocoderMode, slowMs: 5000 };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    state.received.push({ path: url.pathname, query: url.searchParams, headers: request.headers, at: Date.now() });
    const photon = (url.pathname.split('/')[1] ?? '').includes('photon');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    const answer = () => {
      const q = url.searchParams.get('q') ?? '';
      if (url.pathname.endsWith('/status')) {
        return photon
          ? send(200, 'application/json', JSON.stringify({ status: 'Ok', import_date: '2026-11-30T02:00:00Z' }))
          : send(200, 'application/json', JSON.stringify({ status: 0, message: 'OK', data_updated: '2026-12-01' }));
      }
      if (photon && url.pathname.endsWith('/api'))
        return send(200, 'application/json', JSON.stringify(photonAnswer(q)));
      if (!photon && url.pathname.endsWith('/search')) {
        return send(200, 'application/json', JSON.stringify(nominatimAnswer(q)));
      }
      send(404, 'text/plain', 'not found');
    };
    switch (state.mode) {
      case 'ok':
        return answer();
      case 'slow':
        return void setTimeout(answer, state.slowMs);
      case 'error':
        return send(503, 'text/plain', 'Service Unavailable');
      case 'html':
        return send(200, 'text/html', '<html><body>Bandwidth limit exceeded</body></html>');
      case 'wrong-shape':
        return send(200, 'application/json', JSON.stringify({ features: 'none', hello: 'world' }));
      case 'hang-up':
        return void request.socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as GeocoderServer;
}
