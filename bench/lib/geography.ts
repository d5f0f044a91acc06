/**
 * Where the synthetic data lives: eight German metros with dense centres and a thin
 * countryside between them, so radius queries meet the skew of real cities.
 */
import { seededRandom } from './stats.js';

export interface Metro {
  name: string;
  lat: number;
  lng: number;
  /** Standard deviation of the spread around the centre, km. */
  sigmaKm: number;
  /** Relative share of the urban points. */
  weight: number;
}

export const METROS: Metro[] = [
  { name: 'Berlin', lat: 52.52, lng: 13.405, sigmaKm: 8, weight: 8 },
  { name: 'Hamburg', lat: 53.551, lng: 9.994, sigmaKm: 7, weight: 5 },
  { name: 'Munich', lat: 48.137, lng: 11.575, sigmaKm: 6, weight: 5 },
  { name: 'Cologne', lat: 50.938, lng: 6.96, sigmaKm: 6, weight: 4 },
  { name: 'Frankfurt', lat: 50.11, lng: 8.682, sigmaKm: 5, weight: 3 },
  { name: 'Stuttgart', lat: 48.776, lng: 9.183, sigmaKm: 5, weight: 2 },
  { name: 'Leipzig', lat: 51.34, lng: 12.375, sigmaKm: 4, weight: 2 },
  { name: 'Dresden', lat: 51.05, lng: 13.738, sigmaKm: 4, weight: 1 },
];

/** The countryside: a box around Germany. */
export const COUNTRY = { minLng: 5.9, minLat: 47.3, maxLng: 15.0, maxLat: 55.0 };

/** Share of points spread uniformly over the country instead of around a metro. */
export const RURAL_SHARE = 0.15;

/** A sparse rural spot (the Uckermark) for the "rural point" query. */
export const RURAL_POINT = { lat: 53.25, lng: 13.85 };

/** Deterministic query points: mostly around metro centres, like people opening the app. */
export function queryPoints(count: number, seed = 7): { lat: number; lng: number }[] {
  const random = seededRandom(seed);
  const total = METROS.reduce((sum, metro) => sum + metro.weight, 0);
  return Array.from({ length: count }, () => {
    let pick = random() * total;
    const metro = METROS.find((m) => (pick -= m.weight) < 0) ?? METROS[0]!;
    const distanceKm = random() * metro.sigmaKm;
    const angle = random() * 2 * Math.PI;
    return {
      lat: metro.lat + (distanceKm * Math.cos(angle)) / 111.32,
      lng: metro.lng + (distanceKm * Math.sin(angle)) / (111.32 * Math.cos((metro.lat * Math.PI) / 180)),
    };
  });
}
