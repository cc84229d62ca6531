import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { TextFileSink } from '../output/text-file-sink.js';

/** One dataset's part of the sidecar. */
export interface FaultPart {
  dataset: string;
  /** The dataset's JSON-lines fault file (see FaultRecorder). */
  path: string;
  /** Rows written to the dataset's file. */
  rows: number;
  counts: Readonly<Record<string, number>>;
}

/**
 * Writes `_injected_faults.json`: the run parameters, every fault (one per line, dataset by
 * dataset in the given order, streamed so a large run's sidecar never sits in memory), the
 * total, and per-dataset row and fault counts. Returns the total.
 *
 * @example
 * await writeFaultSidecar(path, { seed: 42, rate: 0.02, format: 'csv' }, parts);
 */
export async function writeFaultSidecar(
  path: string,
  header: { seed: number; rate: number; format: string },
  parts: readonly FaultPart[],
): Promise<number> {
  const out = new TextFileSink(path, 1 << 20);
  out.line('{');
  out.line('  "generator": "carelake generate",');
  out.line(`  "seed": ${header.seed},`);
  out.line(`  "rate": ${header.rate},`);
  out.line(`  "format": ${JSON.stringify(header.format)},`);
  out.line('  "faults": [');
  let total = 0;
  for (const part of parts) {
    const lines = createInterface({
      input: createReadStream(part.path, 'latin1'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (line === '') continue;
      out.line(`${total++ === 0 ? '    ' : '    ,'}${line}`);
    }
  }
  const summary = Object.fromEntries(parts.map((p) => [p.dataset, { rows: p.rows, faults: p.counts }]));
  out.line('  ],');
  out.line(`  "total": ${total},`);
  out.line(`  "summary": ${JSON.stringify(summary)}`);
  out.line('}');
  out.close();
  return total;
}
