import { describe, expect, it } from 'vitest';
import {
  GeocoderFailure,
  kindFromStatus,
  readNominatim,
  readPhoton,
  searchUrl,
} from '../../server/src/modules/geocode/geocoder-answers.js';

describe('reading Photon answers', () => {
  it('reads towns and streets, and skips features without a usable point', () => {
    const results = readPhoton({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [11.5755, 48.1372] },
          properties: {
            name: 'München',
            osm_key: 'place',
            osm_value: 'city',
            type: 'city',
            countrycode: 'DE',
            country: 'Deutschland',
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [13.42, 52.5] },
          properties: { name: 'Oranienstraße', type: 'street', city: 'Berlin', postcode: '10999', countrycode: 'DE' },
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [200, 52] }, properties: { name: 'Nowhere' } },
        { type: 'Feature', geometry: null, properties: { name: 'No geometry' } },
      ],
    });
    expect(results).toEqual([
      { name: 'München', detail: 'Deutschland', type: 'town', country: 'DE', lat: 48.1372, lng: 11.5755 },
      { name: 'Oranienstraße', detail: '10999 Berlin', type: 'street', country: 'DE', lat: 52.5, lng: 13.42 },
    ]);
  });

  it('refuses anything but a FeatureCollection', () => {
    expect(() => readPhoton([])).toThrow(GeocoderFailure);
    expect(() => readPhoton({ type: 'FeatureCollection' })).toThrow(GeocoderFailure);
    expect(() => readPhoton(null)).toThrow(GeocoderFailure);
  });
});

describe('reading Nominatim answers', () => {
  it('reads a town and a named place, with string coordinates', () => {
    const results = readNominatim([
      {
        lat: '48.2083537',
        lon: '16.3725042',
        category: 'boundary',
        type: 'administrative',
        addresstype: 'city',
        name: 'Wien',
        display_name: 'Wien, Österreich',
        address: { city: 'Wien', country: 'Österreich', country_code: 'at' },
      },
      {
        lat: '52.5',
        lon: '13.42',
        category: 'amenity',
        type: 'cafe',
        name: 'Café Kotti',
        address: { road: 'Adalbertstraße', house_number: '96', postcode: '10999', city: 'Berlin', country_code: 'de' },
      },
      { lat: 'north', lon: '13' },
    ]);
    expect(results).toEqual([
      { name: 'Wien', detail: 'Österreich', type: 'town', country: 'AT', lat: 48.2083537, lng: 16.3725042 },
      {
        name: 'Café Kotti',
        detail: 'Adalbertstraße 96, 10999 Berlin',
        type: 'address',
        country: 'DE',
        lat: 52.5,
        lng: 13.42,
      },
    ]);
  });

  it('refuses anything but a list', () => {
    expect(() => readNominatim({ error: 'Unable to geocode' })).toThrow(GeocoderFailure);
  });
});

describe('requests', () => {
  it('asks Photon near the centre and Nominatim within a preferred viewbox', () => {
    const query = { q: 'Oranienstraße 25', limit: 5, near: { lat: 52.5, lng: 13.4 } };
    const photon = searchUrl('https://photon.example', 'photon', query, 'https://vicinity.example.org/about');
    expect(photon.pathname).toBe('/api');
    expect(Object.fromEntries(photon.searchParams)).toEqual({
      q: 'Oranienstraße 25',
      limit: '5',
      lat: '52.5',
      lon: '13.4',
    });
    const nominatim = searchUrl('https://nominatim.example/osm', 'nominatim', query, 'maps@vicinity.example.org');
    expect(nominatim.pathname).toBe('/osm/search');
    expect(Object.fromEntries(nominatim.searchParams)).toMatchObject({
      format: 'jsonv2',
      viewbox: '13.1000,52.7000,13.7000,52.3000',
      bounded: '0',
      email: 'maps@vicinity.example.org',
    });
  });

  it('tells Photon from Nominatim by their /status answers', () => {
    expect(kindFromStatus({ status: 0, message: 'OK' })).toBe('nominatim');
    expect(kindFromStatus({ status: 'Ok', import_date: '2026-11-30' })).toBe('photon');
    expect(kindFromStatus('OK')).toBeNull();
  });
});
