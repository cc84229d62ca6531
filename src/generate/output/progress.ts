/** Reports a long run's progress (to stderr, never stdout, which carries results). */
export interface Progress {
  /** A new phase of `total` steps. */
  phase(label: string, total: number): void;
  /** `done` of the current phase's steps are complete. */
  advance(done: number): void;
  /** The run is over. */
  end(): void;
}

/** Reports nothing: the default for library callers and tests. */
export const SILENT_PROGRESS: Progress = { phase() {}, advance() {}, end() {} };
