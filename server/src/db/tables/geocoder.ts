/** The address search's shared cache and request turns (migration 0150, modules/geocode/queries.ts). */
export interface GeocoderAnswersTable {
  key: string;
  /** Results and attribution, as the API answers them. */
  answer: unknown;
  expires_at: Date;
}

export interface GeocoderTurnsTable {
  service: string;
  next_at: Date;
}

export interface GeocoderTables {
  geocoder_answers: GeocoderAnswersTable;
  geocoder_turns: GeocoderTurnsTable;
}
