/** Where a command writes and what it may read from its surroundings (injected for tests). */
export interface CommandIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** True when stdout is a terminal (progress bars, colours). */
  isTTY?: boolean;
  /** The clock (tests pin it); the system clock when absent. */
  now?: () => Date;
}

/** A CLI command module's default export. Loaded only when its name is called. */
export interface Command {
  /** Full `--help` text. */
  help: string;
  /** Runs the command; the resolved number is the exit code (0 when omitted). */
  run(args: readonly string[], io: CommandIO): Promise<number | undefined>;
}
