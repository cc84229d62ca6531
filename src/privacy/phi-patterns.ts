/**
 * What a raw identifier looks like, for the places that must never pass one on: an unmasked
 * SSN (9 digits, dashes optional) and a raw MRN (`MRN` then digits). Global flags so callers
 * can replace every occurrence; `.test` callers reset lastIndex by using fresh copies.
 */
export const UNMASKED_SSN_SOURCE = String.raw`\b\d{3}-?\d{2}-?\d{4}\b`;
export const RAW_MRN_SOURCE = String.raw`\bMRN[-_ ]?\d+`;

/** A fresh regular expression matching either, every occurrence. @example phiLikePattern().test(text) */
export function phiLikePattern(): RegExp {
  return new RegExp(`${UNMASKED_SSN_SOURCE}|${RAW_MRN_SOURCE}`, 'gi');
}
