/** Schemas for coordinates and GeoJSON shared by every feature's routes. */
import { Type, type Static } from 'typebox';

export const Latitude = Type.Number({ minimum: -90, maximum: 90, description: 'Degrees north, WGS84.' });
export const Longitude = Type.Number({ minimum: -180, maximum: 180, description: 'Degrees east, WGS84.' });

export const LatLngBody = Type.Object({ lat: Latitude, lng: Longitude }, { additionalProperties: false });
export type LatLngBody = Static<typeof LatLngBody>;

/** A location shown snapped to a ~500 m grid (homes, private groups). */
export const CoarseLocation = Type.Object({
  lat: Type.Number(),
  lng: Type.Number(),
  precisionMeters: Type.Number({ description: 'The location is only accurate to about this many metres.' }),
});

export const GeoJsonPoint = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lng, lat]' }),
});
