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
  /** Granted with `npm run admin -- grant <email>` (migration 0090); ADMIN_EMAILS counts too. */
  is_admin: ColumnType<boolean, boolean | undefined, boolean>;
  /** Until when the account may not write (infinity: until lifted); null: not suspended. */
  suspended_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AccountTables {
  users: UsersTable;
}
