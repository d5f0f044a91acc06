/** Your data: taking a copy of it, and deleting the account. */
import { request } from './http';
import type { RequestBody, Schema } from './types';

/** Everything the server keeps about you: the document behind "Download your data". */
export type DataExport = Schema<'DataExport'>;

export function exportMyData(): Promise<DataExport> {
  return request('GET', '/api/me/export');
}

/** Deletes the account for good; the password confirms it is really you. */
export function deleteAccount(password: RequestBody<'/api/me', 'delete'>['password']): Promise<void> {
  return request('DELETE', '/api/me', { body: { password } });
}
