/**
 * The one base class for errors a user can cause or act on. It carries the process exit code
 * the CLI uses, so that translation to an exit status happens in exactly one place.
 *
 * @example
 * throw new CarelakeError('table lh_gold.dbo.x not found', { exitCode: 1 });
 */
export class CarelakeError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
  }
}
