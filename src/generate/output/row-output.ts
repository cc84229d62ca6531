import { join } from 'node:path';
import type { LandingDataset } from '../datasets/landing-schemas.js';
import { FaultInjector } from '../dirty/fault-injector.js';
import { FaultRecorder } from '../dirty/fault-recorder.js';
import { deriveStream } from '../random/derive-stream.js';
import { DatasetFile } from './dataset-file.js';
import type { LandingFile } from './landing-file.js';
import { ParquetDatasetFile } from './parquet-dataset-file.js';

/** Where a dataset's rows go: straight to its file, or through the fault injector first. */
export interface RowOutput {
  file: LandingFile;
  /** The dataset's fault file and counts, when faults are injected. */
  faults: FaultRecorder | undefined;
  write(fields: string[]): void;
  /** Writes rows the injector still holds and closes the files. */
  close(): void;
}

/** Where and how a dataset is written. */
export interface RowOutputOptions {
  seed: number;
  format: 'csv' | 'parquet';
  /** Share of rows given a fault; 0 for none. */
  rate: number;
  bufferBytes?: number;
}

/**
 * Opens `<dir>/<dataset>.<format>` and, with a dirty rate, routes rows through a fault injector
 * with its own random stream ("faults:<dataset>") that records to `<dir>/faults-<dataset>.jsonl`.
 *
 * @example
 * const out = openRowOutput(tmp, LANDING_DATASETS.claims, { seed: 42, format: 'csv', rate: 0 });
 */
export function openRowOutput(dir: string, dataset: LandingDataset, x: RowOutputOptions): RowOutput {
  const file: LandingFile =
    x.format === 'parquet'
      ? new ParquetDatasetFile(join(dir, `${dataset.name}.parquet`), dataset)
      : new DatasetFile(
          join(dir, `${dataset.name}.csv`),
          dataset.columns.map((c) => c.name),
          x.bufferBytes,
        );
  if (x.rate <= 0) {
    return {
      file,
      faults: undefined,
      write: (fields) => file.row(fields),
      close: () => file.close(),
    };
  }
  const recorder = new FaultRecorder(join(dir, `faults-${dataset.name}.jsonl`));
  const rng = deriveStream(x.seed, `faults:${dataset.name}`);
  const injector = new FaultInjector(rng, dataset, x.format, x.rate, recorder, (fields) => file.row(fields));
  return {
    file,
    faults: recorder,
    write: (fields) => injector.write(fields),
    close: () => {
      injector.finish();
      file.close();
      recorder.close();
    },
  };
}
