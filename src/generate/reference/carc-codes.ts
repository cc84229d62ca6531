/**
 * The CARC (claim adjustment reason) codes used for denials, with their X12 meaning, so that
 * reports can show what a code stands for.
 */
export const CARC_DENIAL_CODES: Readonly<Record<string, string>> = {
  'CO-4': 'Procedure code inconsistent with the modifier used, or a required modifier is missing',
  'CO-11': 'Diagnosis inconsistent with the procedure',
  'CO-16': 'Claim lacks information or has submission/billing errors',
  'CO-18': 'Exact duplicate claim or service',
  'CO-29': 'Time limit for filing has expired',
  'CO-50': 'Not deemed a medical necessity by the payer',
  'CO-97': 'Payment included in the allowance for another service (bundled)',
  'CO-197': 'Precertification, notification or authorization absent',
};
