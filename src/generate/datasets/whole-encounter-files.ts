import { join } from 'node:path';
import { ParquetDatasetFile } from '../output/parquet-dataset-file.js';
import type { EncounterResult } from './encounter-writer.js';
import { LANDING_DATASETS } from './landing-schemas.js';
import type { EraDone } from './write-eras-in-threads.js';

/**
 * The whole admissions and claims files of a run whose eras were written as parts: each era's
 * parts appended in era order, as soon as every era before it is in. Created (with their magic)
 * before any era starts: the first era's parts are written in place into them and adopted.
 *
 * @example
 * const whole = new WholeEncounterFiles(dir);
 * whole.appendReady(done); // done[k]: era k's result, or undefined while it runs
 * const { admissions } = whole.close();
 */
export class WholeEncounterFiles {
  private readonly admissions: ParquetDatasetFile;
  private readonly claims: ParquetDatasetFile;
  private appended = 0;
  private deniedClaims = 0;

  constructor(dir: string) {
    this.admissions = new ParquetDatasetFile(join(dir, 'admissions.parquet'), LANDING_DATASETS.admissions);
    this.claims = new ParquetDatasetFile(join(dir, 'claims.parquet'), LANDING_DATASETS.claims);
  }

  /** Appends the parts of the eras done so far that follow the last appended, in order. */
  appendReady(done: readonly (EraDone | undefined)[]): void {
    for (let era = done[this.appended]; era !== undefined; era = done[++this.appended]) {
      const parts = era.result.parts!;
      if (parts.inPlace) {
        this.admissions.adoptPart(parts.admissions.groups);
        this.claims.adoptPart(parts.claims.groups);
      } else {
        this.admissions.appendPart(parts.admissions.path, parts.admissions.groups);
        this.claims.appendPart(parts.claims.path, parts.claims.groups);
      }
      this.deniedClaims += era.result.deniedClaims;
    }
  }

  close(): EncounterResult {
    this.admissions.close();
    this.claims.close();
    return { admissions: this.admissions.rows, claims: this.claims.rows, deniedClaims: this.deniedClaims };
  }
}
