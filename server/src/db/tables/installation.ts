import type { ColumnType } from 'kysely';

/** The one row naming this installation (migration 0030). */
export interface InstallationTable {
  id: ColumnType<string, string | undefined, never>;
  only_one: ColumnType<boolean, boolean | undefined, never>;
  created_at: ColumnType<Date, never, never>;
}

export interface InstallationTables {
  installation: InstallationTable;
}
