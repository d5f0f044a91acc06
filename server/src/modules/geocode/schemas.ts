import { Type, type Static } from 'typebox';

export const GeocodeQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'What to find: the start of a town or city name (accents and case are ignored) or, when the server has a geocoder, a street or an address.',
    }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
    lat: Type.Optional(
      Type.Number({
        minimum: -90,
        maximum: 90,
        description: 'With `lng`: the map’s centre, which the geocoder favours.',
      }),
    ),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    source: Type.Union([Type.Literal('any'), Type.Literal('gazetteer')], {
      default: 'any',
      description:
        '`any`: the geocoder when the server has one, else (or when it fails) the gazetteer. `gazetteer`: towns and cities only, offline, e.g. while someone is still typing (Nominatim’s usage policy forbids search-as-you-type).',
    }),
  },
  { additionalProperties: false },
);
export type GeocodeQuery = Static<typeof GeocodeQuery>;

export const GeocodeResult = Type.Object({
  name: Type.String({ description: 'What was found: a town, or a street and house number.' }),
  detail: Type.Optional(Type.String({ description: 'Where it is, for an address: postcode, town, country.' })),
  type: Type.Union([Type.Literal('town'), Type.Literal('street'), Type.Literal('address'), Type.Literal('other')], {
    description: 'What kind of thing it is, e.g. to choose a zoom level.',
  }),
  country: Type.String({ description: 'ISO 3166-1 alpha-2 code; empty when the geocoder does not say.' }),
  lat: Type.Number(),
  lng: Type.Number(),
  population: Type.Optional(Type.Integer({ description: 'Towns and cities from the gazetteer.' })),
});
export type GeocodeResult = Static<typeof GeocodeResult>;

export const GeocodeAnswer = Type.Object(
  {
    results: Type.Array(GeocodeResult),
    source: Type.Union([Type.Literal('gazetteer'), Type.Literal('geocoder')], {
      description:
        '`geocoder`: the configured Photon or Nominatim server answered (now or from the cache); `gazetteer`: the offline list of towns and cities did, because there is no geocoder, `source=gazetteer` was asked, or the geocoder failed.',
    }),
    attribution: Type.String({ description: 'Credit for the data, to be shown where the results are shown.' }),
  },
  { $id: 'GeocodeAnswer' },
);
export type GeocodeAnswer = Static<typeof GeocodeAnswer>;
