import { Type } from 'typebox';

export const GeocodeQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The start of a town or city name; accents and case are ignored.',
    }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
  },
  { additionalProperties: false },
);

export const GeocodeAnswer = Type.Object(
  {
    results: Type.Array(
      Type.Object({
        name: Type.String(),
        country: Type.String({ description: 'ISO 3166-1 alpha-2 code.' }),
        lat: Type.Number(),
        lng: Type.Number(),
        population: Type.Integer(),
      }),
    ),
    attribution: Type.String(),
  },
  { $id: 'GeocodeAnswer' },
);
