/**
 * How guessable a new password is, with zxcvbn-ts (the maintained TypeScript port of Dropbox's
 * estimator) and its common-password and keyboard-pattern lists. A password must score 3 of 4
 * ("safely unguessable": about 10^8 guesses or more) and may not contain the account's own email
 * or name. The refusal says why, in words, so people know what to change.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { invalidField } from '../../plugins/errors.js';

export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

function estimate(password: string, personal: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return estimator.check(password, personal);
}

/** zxcvbn's warnings (keys, as no translation is loaded) in our own words. */
const WARNINGS: Record<string, string> = {
  straightRow: 'a straight row of keys is easy to guess',
  keyPattern: 'a short keyboard pattern is easy to guess',
  simpleRepeat: 'repeated characters like "aaa" are easy to guess',
  extendedRepeat: 'repeated patterns like "abcabcabc" are easy to guess',
  sequences: 'sequences like "abc" or "1234" are easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is too close to a commonly used password',
  wordByItself: 'single words are easy to guess',
  namesByThemselves: 'single names or surnames are easy to guess',
  commonNames: 'common names and surnames are easy to guess',
  userInputs: 'it contains your email or name',
  pwned: 'it appeared in a data breach',
};

/** Parts of the email and name worth refusing inside a password (three characters or more). */
function personalWords(email: string, displayName: string): string[] {
  const words = [email, email.split('@')[0] ?? '', displayName, ...displayName.split(/\s+/)];
  return [...new Set(words.map((word) => word.trim().toLowerCase()).filter((word) => word.length >= 3))];
}

/**
 * Throws 400 naming `field` when the password is too easy to guess or contains the person's
 * email or name; answers nothing otherwise.
 */
export function checkPasswordStrength(
  password: string,
  person: { email: string; displayName: string },
  field = 'password',
): void {
  const personal = personalWords(person.email, person.displayName);
  const lower = password.toLowerCase();
  if (personal.some((word) => lower.includes(word))) {
    throw invalidField(field, 'must not contain your email address or your name', 'body');
  }
  const result = estimate(password, personal);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  throw invalidField(
    field,
    `is too easy to guess${warning ? ` (${warning})` : ''}: use a few unrelated words or a longer phrase`,
    'body',
  );
}
