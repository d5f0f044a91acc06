import { Type, type Static } from 'typebox';

export const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    database: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
    postgis: Type.Union([Type.String(), Type.Null()], { description: 'PostGIS version; null when unreachable.' }),
  },
  { $id: 'Health' },
);

export const ClientConfig = Type.Object(
  {
    mapCenter: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
    zoom: Type.Integer(),
    tileUrl: Type.String({ description: 'Leaflet tile URL template.' }),
    tileAttribution: Type.String(),
  },
  { $id: 'ClientConfig' },
);
export type Health = Static<typeof Health>;
