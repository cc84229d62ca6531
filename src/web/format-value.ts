/**
 * A measure value as the dashboard shows it, by the measure's format.
 *
 * @example
 * formatValue(12.345, 'percent'); // '12.3 %'
 */
export function formatValue(value: number | string | null | undefined, format: string | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (Number.isNaN(n)) return String(value);
  switch (format) {
    case 'percent':
      return `${n.toFixed(1)} %`;
    case 'minutes':
      return `${n.toFixed(0)} min`;
    case 'days':
      return `${n.toFixed(2)} d`;
    case 'currency':
      return `$${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
    case 'ratio':
      return n.toFixed(3);
    default:
      return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}

/**
 * green, amber or red against a benchmark (amber: within 10 % of the limit).
 *
 * @example
 * benchmarkStatus(12, { kind: 'max', value: 15 }); // 'good'
 */
export function benchmarkStatus(
  value: number | null | undefined,
  b: { kind: string; value?: number; low?: number; high?: number } | null,
): 'good' | 'warn' | 'bad' | 'none' {
  if (value === null || value === undefined || b === null) return 'none';
  if (b.kind === 'max') return value <= b.value! ? (value > b.value! * 0.9 ? 'warn' : 'good') : 'bad';
  if (b.kind === 'min') return value >= b.value! ? 'good' : 'bad';
  if (value >= b.low! && value <= b.high!) return 'good';
  const span = b.high! - b.low!;
  return value >= b.low! - span * 0.5 && value <= b.high! + span * 0.5 ? 'warn' : 'bad';
}
