import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api/http';
import { formProblem } from '../../web/src/lib/forms';

describe('formProblem', () => {
  it('puts each detail next to its field, nested paths at their first segment', () => {
    const error = new ApiError(400, 'validation_failed', 'endsAt must be after startsAt', [
      { field: 'endsAt', in: 'body', message: 'must be after startsAt' },
      { field: 'location.lat', in: 'body', message: 'must be <= 90' },
      { field: 'location', in: 'body', message: 'a second message for the same field' },
    ]);
    expect(formProblem(error, ['startsAt', 'endsAt', 'location'])).toEqual({
      fields: { endsAt: 'Must be after startsAt', location: 'Must be <= 90' },
      message: 'Check the 2 fields marked below.',
    });
  });

  it('keeps the server’s sentence when a detail belongs to no field shown', () => {
    const error = new ApiError(400, 'validation_failed', 'recurrence must be an object', [
      { field: 'recurrence', in: 'body', message: 'must be an object' },
    ]);
    expect(formProblem(error, ['title'])).toEqual({ fields: {}, message: 'recurrence must be an object' });
  });

  it('places known codes without details on their field', () => {
    const error = new ApiError(409, 'email_taken', 'An account with this email already exists.');
    expect(formProblem(error, ['email', 'password'])).toEqual({
      fields: { email: 'An account with this email already exists.' },
      message: 'Check the field marked below.',
    });
  });

  it('shows other refusals as a sentence for the form', () => {
    const error = new ApiError(403, 'forbidden', 'Only members of this group can post in it.');
    expect(formProblem(error, ['title'])).toEqual({
      fields: {},
      message: 'Only members of this group can post in it.',
    });
    expect(formProblem(new Error('boom'), ['title']).message).toBe('Something went wrong. Try again.');
  });
});
