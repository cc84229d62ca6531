/**
 * A log store refused to publish a commit because that version file already exists: another
 * writer won the race. The commit loop catches it and checks for conflicts.
 *
 * @example
 * throw new VersionAlreadyExistsError(12);
 */
export class VersionAlreadyExistsError extends Error {
  readonly version: number;

  constructor(version: number) {
    super(`version ${version} already exists`);
    this.name = 'VersionAlreadyExistsError';
    this.version = version;
  }
}
