/**
 * A `geography(Point, 4326)` column. Read it through the helpers in server/src/geo (never as raw
 * WKB); write it with `pointSql()`.
 */
export type Geography = string;
