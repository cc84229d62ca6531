import { CarelakeError } from '../errors/carelake-error.js';

const SSN = /^\d{3}-\d{2}-(\d{4})$/;

/**
 * The only form in which an SSN may be written: `XXX-XX-` and the last four digits. A value that
 * is not an SSN is an error whose message deliberately leaves the value out (it may be PHI).
 *
 * @example
 * maskSsn(syntheticSsn(draw)); // 'XXX-XX-' and the same last four digits
 */
export function maskSsn(ssn: string): string {
  const match = SSN.exec(ssn);
  if (match === null) throw new CarelakeError('maskSsn: the value is not an SSN of the form ###-##-####');
  return `XXX-XX-${match[1]}`;
}
