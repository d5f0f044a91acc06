import type { ColumnType } from 'kysely';

/** Sessions, password resets and failed sign-ins (migration 0020, db/sessions.ts, modules/accounts). */
export interface SessionsTable {
  id: string;
  user_id: number;
  user_agent: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, never, never>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PasswordResetsTable {
  id: string;
  user_id: number;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface LoginFailuresTable {
  email: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

/** A registration waiting for its email to be confirmed (migration 0160). */
export interface PendingRegistrationsTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SessionTables {
  pending_registrations: PendingRegistrationsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  login_failures: LoginFailuresTable;
}
