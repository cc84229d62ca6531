import type { LandingDataset } from '../datasets/landing-schemas.js';
import { FaultInjector } from '../dirty/fault-injector.js';
import type { FaultLog } from '../dirty/fault-log.js';
import { deriveStream } from '../random/derive-stream.js';
import { DatasetFile } from './dataset-file.js';

/** Where a dataset's rows go: straight to its file, or through the fault injector first. */
export interface RowOutput {
  file: DatasetFile;
  write(fields: string[]): void;
  /** Writes rows the injector still holds and closes the file. */
  close(): void;
}

/**
 * Opens a dataset's CSV at `path` and, when a fault log is given, routes rows through a fault
 * injector with its own random stream ("faults:<dataset>").
 *
 * @example
 * const out = openRowOutput(path, LANDING_DATASETS.claims, { seed: 42, format: 'csv', rate: 0, log: undefined });
 */
export function openRowOutput(
  path: string,
  dataset: LandingDataset,
  x: {
    seed: number;
    format: 'csv' | 'parquet';
    rate: number;
    log: FaultLog | undefined;
    bufferBytes?: number;
  },
): RowOutput {
  const file = new DatasetFile(
    path,
    dataset.columns.map((c) => c.name),
    x.bufferBytes,
  );
  if (x.log === undefined || x.rate <= 0) {
    return { file, write: (fields) => file.row(fields), close: () => file.close() };
  }
  const rng = deriveStream(x.seed, `faults:${dataset.name}`);
  const injector = new FaultInjector(rng, dataset, x.format, x.rate, x.log, (fields) => file.row(fields));
  return {
    file,
    write: (fields) => injector.write(fields),
    close: () => {
      injector.finish();
      file.close();
    },
  };
}
