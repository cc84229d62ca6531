import { phiLikePattern } from './phi-patterns.js';

/**
 * Replaces every substring that looks like an unmasked SSN or a raw MRN with `<withheld>`:
 * for text that carelake records or echoes (audit rows, error messages), which may hold
 * whatever a user typed into a filter or a query.
 *
 * @example
 * redactPhiLike("where=ssn=123456789"); // 'where=ssn=<withheld>'
 */
export function redactPhiLike(text: string): string {
  return text.replace(phiLikePattern(), '<withheld>');
}
