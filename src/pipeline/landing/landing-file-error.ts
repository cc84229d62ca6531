import { CarelakeError } from '../../errors/carelake-error.js';
import { redactPhiLike } from '../../privacy/redact-phi-like.js';

/**
 * A landing file that cannot be read at all (a corrupt or truncated Parquet file, bytes that
 * are not text): no row of it can be loaded or quarantined. It names the file and the reason
 * (PHI-like text withheld), so `carelake run` says which file to fix and `carelake watch` can
 * move it aside and keep going. Exit code 1.
 *
 * @example
 * throw new LandingFileError('emr_events_7.parquet', 'bronze_emr_events', duckDbError);
 */
export class LandingFileError extends CarelakeError {
  readonly file: string;
  readonly model: string;
  readonly reason: string;

  constructor(file: string, model: string, cause: unknown) {
    const reason = redactPhiLike(cause instanceof Error ? cause.message : String(cause)).split('\n')[0]!;
    super(`landing file ${file} (${model}) cannot be read: ${reason}; fix or remove it, then run again`, {
      cause,
    });
    this.file = file;
    this.model = model;
    this.reason = reason;
  }
}
