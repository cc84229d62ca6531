import type { GenerateResult } from '../generate-landing.js';

const number = (n: number) => n.toLocaleString('en-US');
const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1 << 20
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / (1 << 20)).toFixed(1)} MB`;

/**
 * The human summary `carelake generate` prints: where the files went, the simulated hospital,
 * each file's rows and size, and the ground truth the pipeline should reproduce.
 *
 * @example
 * io.stdout.write(generationSummary('/lake/…/healthcare', result));
 */
export function generationSummary(landing: string, result: GenerateResult): string {
  const m = result.manifest;
  const h = m.hospital;
  const lines = [
    `Generated a synthetic hospital (seed ${m.seed}) in ${landing}`,
    `  period    ${h.periodStart.slice(0, 10)} to ${h.periodEnd.slice(0, 10)} (${number(h.periodDays)} days), ` +
      `${number(h.staffedBeds)} staffed beds, about ${Math.round(h.expectedOccupancy * 100)}% occupied`,
    '',
    `  ${'file'.padEnd(24)}${'rows'.padStart(14)}${'size'.padStart(12)}`,
    ...result.files.map(
      (f) =>
        `  ${f.name.padEnd(24)}${(f.rows > 0 ? number(f.rows) : '').padStart(14)}${size(f.bytes).padStart(12)}`,
    ),
    '',
    `  truth     ${number(m.truth.readmissions)} 30-day readmissions, ${number(m.truth.deaths)} deaths, ` +
      `${number(m.truth.deniedClaims)} denied claims, ${number(m.truth.emrSessions)} EMR sessions`,
  ];
  if (result.faults > 0)
    lines.push(`  dirty     ${number(result.faults)} injected faults, listed in _injected_faults.json`);
  if (m.demoSalt)
    lines.push('  WARNING   hashed with the public DEMO salt: these MRN pseudonyms protect nothing');
  return `${lines.join('\n')}\n`;
}
