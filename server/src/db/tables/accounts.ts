import type { ColumnType, Generated } from 'kysely';
import type { Geography } from './geography.js';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  display_name: string;
  bio: ColumnType<string, string | undefined, string>;
  home_location: Geography | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface AccountTables {
  users: UsersTable;
}
