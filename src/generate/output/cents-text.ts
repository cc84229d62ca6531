/**
 * An amount in cents as a decimal with two places, exactly (no floating-point rounding).
 *
 * @example
 * centsText(123405); // '1234.05'
 */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return `${sign}${(abs - rest) / 100}.${rest < 10 ? '0' : ''}${rest}`;
}
