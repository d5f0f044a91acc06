/**
 * The Kysely view of the database: one interface per table, grouped by the feature that owns
 * them, matching the migrations in /migrations.
 */
import type { AccountTables } from './tables/accounts.js';
import type { GeoTables } from './tables/geo.js';

export interface Database extends AccountTables, GeoTables {}
