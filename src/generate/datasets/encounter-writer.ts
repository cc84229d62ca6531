import { join } from 'node:path';
import { ParquetDatasetFile, ROWS_PER_GROUP } from '../output/parquet-dataset-file.js';
import { RecordIdBytes } from '../output/record-id-bytes.js';
import { ParquetFileWriter, type RowGroupMeta } from '../parquet/parquet-file-writer.js';
import type { DrgCatalog } from '../population/drg-catalog.js';
import type { Era } from '../population/era-plan.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';
import type { EncounterRow } from './encounter-row.js';
import { EraClaimDraws } from './era-claim-draws.js';
import { LANDING_DATASETS, type LandingDataset } from './landing-schemas.js';
import { type ClaimLine, planClaims } from './plan-claims.js';
import { ENCOUNTER_ID } from './record-ids.js';
import { fillEncounterRow, newEncounterRow, type StayBatch } from './stay-batch.js';
import { writeAdmissions } from './write-admission.js';
import { writeClaim } from './write-claim.js';

/** What writing admissions and claims produced. */
export interface EncounterResult {
  admissions: number;
  claims: number;
  deniedClaims: number;
  /**
   * Written as parts: their files and row groups, for appending to the whole files (`inPlace`:
   * written into the whole files themselves, to adopt).
   */
  parts?: Record<'admissions' | 'claims', { path: string; groups: readonly RowGroupMeta[] }> & {
    inPlace: boolean;
  };
}

/**
 * Writes clean Parquet admissions and the claims of each admission, in admissions order, with
 * the claims drawn from each era's claims stream: the same bytes whether it runs in the
 * simulating thread or in the encounter worker, whatever the batch size. With `part`, the files
 * are parts (one era's, say) to append to whole files later: named after `part.name`, or with
 * none, the head part written in place into whole files that hold only their magic so far.
 *
 * @example
 * const writer = new EncounterWriter(dir, 42, eras, { catalog, pseudonyms });
 * writer.batch(batch);
 * const { claims } = writer.close();
 */
export class EncounterWriter {
  private readonly admissions: ParquetDatasetFile;
  private readonly claims: ParquetDatasetFile;
  private readonly draws: EraClaimDraws;
  private readonly codes: { drgCodes: readonly string[]; pseudonyms: PseudonymCache };
  // Reused for every stay: claims read a stay's fields, not the stay object.
  private readonly row: EncounterRow;
  private readonly lines: ClaimLine[] = [];
  private readonly encounterIds = new RecordIdBytes(ENCOUNTER_ID.prefix, ENCOUNTER_ID.digits);
  private claimSeq: number;
  private denied = 0;

  constructor(
    dir: string,
    seed: number,
    eras: readonly Era[],
    private readonly x: {
      catalog: DrgCatalog;
      pseudonyms: PseudonymCache;
      part?: { name: string | undefined };
    },
  ) {
    // A part's files are named after it: several parts are written to one folder at once.
    const part = x.part;
    const file = (d: LandingDataset) => {
      if (part === undefined) return new ParquetDatasetFile(join(dir, `${d.name}.parquet`), d);
      if (part.name === undefined) {
        const at = ParquetFileWriter.HEAD_PART_AT;
        return new ParquetDatasetFile(join(dir, `${d.name}.parquet`), d, ROWS_PER_GROUP, { at });
      }
      return new ParquetDatasetFile(join(dir, `${d.name}.${part.name}.parquet`), d, ROWS_PER_GROUP, {
        at: 0,
      });
    };
    this.admissions = file(LANDING_DATASETS.admissions);
    this.claims = file(LANDING_DATASETS.claims);
    this.draws = new EraClaimDraws(seed, eras);
    this.claimSeq = this.draws.firstClaim;
    this.codes = { drgCodes: x.catalog.entries.map((e) => e.code), pseudonyms: x.pseudonyms };
    this.row = newEncounterRow(x.catalog);
  }

  /** Writes every stay of a batch, in order. */
  batch(b: StayBatch): void {
    let i = 0;
    while (i < b.length) {
      // A new era starts new row groups: the same groups as when eras are written apart.
      if (this.draws.seek(b.seq[i]!)) {
        this.admissions.endRowGroup();
        this.claims.endRowGroup();
      }
      // Stays are numbered consecutively: the run up to the era's or the row group's end.
      const end = Math.min(b.length, i + this.admissions.roomInGroup, i + this.draws.endSeq - b.seq[i]!);
      writeAdmissions(this.admissions, b, i, end, this.codes);
      if (this.draws.hasClaims) for (let k = i; k < end; k++) this.claimsOf(b, k);
      i = end;
    }
  }

  private claimsOf(b: StayBatch, i: number): void {
    const stay = fillEncounterRow(this.row, b, i, this.x.catalog);
    const n = this.draws.allocator.next(this.draws.rng, stay);
    if (n === 0) return;
    const encounter = this.encounterIds.of(stay.seq);
    planClaims(this.draws.rng, stay, n, this.lines);
    for (let k = 0; k < n; k++) {
      const line = this.lines[k]!;
      if (line.denial !== '') this.denied++;
      writeClaim(this.claims, this.claimSeq++, stay, encounter, line);
    }
  }

  close(): EncounterResult {
    this.admissions.close();
    this.claims.close();
    const result = { admissions: this.admissions.rows, claims: this.claims.rows, deniedClaims: this.denied };
    if (this.x.part === undefined) return result;
    const parts = { admissions: this.admissions, claims: this.claims };
    return {
      ...result,
      parts: {
        admissions: { path: parts.admissions.path, groups: parts.admissions.rowGroups },
        claims: { path: parts.claims.path, groups: parts.claims.rowGroups },
        inPlace: this.x.part.name === undefined,
      },
    };
  }
}
