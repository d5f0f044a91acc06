/**
 * Turning a refused request into messages beside the fields it concerns. The server names fields
 * by their path in the request body ("homeLocation.lat"); a form lists the fields it shows and
 * gets each one's first message, plus whatever is left for the form as a whole.
 */
import { tick } from 'svelte';
import { ApiError, type ErrorCode } from './api/http';
import { capitalise } from './format';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormProblem<F extends string> {
  fields: FieldErrors<F>;
  /** A sentence for the top of the form: the server's message, or why nothing could be sent. */
  message: string | null;
}

/** Errors without field details that still belong to one field. */
const CODE_FIELDS: Partial<Record<ErrorCode, string>> = {
  email_taken: 'email',
};

/**
 * Sorts an error into the given fields. Details for nested paths count for their first segment
 * ("location.lat" → "location"). The message is kept whenever some detail found no field.
 */
export function formProblem<F extends string>(error: unknown, fields: readonly F[]): FormProblem<F> {
  if (!(error instanceof ApiError)) return { fields: {}, message: 'Something went wrong. Try again.' };
  const known = new Set<string>(fields);
  const found: FieldErrors<F> = {};
  let unplaced = error.details.length === 0;
  for (const issue of error.details) {
    const field = [issue.field, issue.field.split('.')[0] ?? ''].find((name) => known.has(name)) as F | undefined;
    if (!field) {
      unplaced = true;
      continue;
    }
    found[field] ??= capitalise(issue.message);
  }
  const codeField = CODE_FIELDS[error.code];
  if (codeField && known.has(codeField) && !found[codeField as F]) {
    found[codeField as F] = error.message;
    unplaced = false;
  }
  const placed = Object.keys(found).length;
  const summary = placed === 1 ? 'Check the field marked below.' : `Check the ${placed} fields marked below.`;
  return { fields: found, message: unplaced ? error.message : placed > 0 ? summary : error.message };
}

/**
 * Moves focus to the first field marked invalid (else to the form's message), so keyboard and
 * screen-reader users land where the problem is.
 */
export async function focusFirstInvalid(form: HTMLElement | undefined | null): Promise<void> {
  await tick();
  const target =
    form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    form?.querySelector<HTMLElement>('[data-form-message]');
  target?.focus();
}
