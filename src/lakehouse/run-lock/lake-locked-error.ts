import { UsageError } from '../../errors/usage-error.js';
import type { LockHolder } from './lock-holder.js';

/**
 * Another run holds the lake's run lock (exit code 2). Carries the holder so callers can show
 * or log it; the message says who, since when, and what to do.
 *
 * @example
 * throw new LakeLockedError('/lake', holder, 'carelake: lake /lake is busy: …');
 */
export class LakeLockedError extends UsageError {
  readonly lakeDir: string;
  readonly holder: LockHolder | undefined;

  constructor(lakeDir: string, holder: LockHolder | undefined, message: string) {
    super(message);
    this.lakeDir = lakeDir;
    this.holder = holder;
  }
}
