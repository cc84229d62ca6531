import { type FSWatcher, watch } from 'node:fs';

/**
 * Sleeps until the landing folder changes, a timeout passes or `signal` aborts, whichever comes
 * first. Changes come from fs.watch where the platform has it; where it fails (network file
 * systems, a missing folder) the timeout alone drives polling. A change that happens while
 * nobody sleeps is remembered, so the next sleep returns at once.
 *
 * @example
 * const wakeup = new Wakeup(landingDir(lake), signal); await wakeup.sleep(5000); wakeup.close();
 */
export class Wakeup {
  private watcher: FSWatcher | undefined;
  private changed = false;
  private wake: (() => void) | undefined;

  constructor(
    dir: string,
    private readonly signal: AbortSignal,
  ) {
    try {
      this.watcher = watch(dir, () => this.poke());
      this.watcher.on('error', () => this.close());
    } catch {
      this.watcher = undefined;
    }
    signal.addEventListener('abort', () => this.poke(), { once: true });
  }

  /** Ends the current sleep (or the next one). */
  poke(): void {
    this.changed = true;
    this.wake?.();
  }

  /** Resolves after `ms`, or earlier on a change or abort. */
  async sleep(ms: number): Promise<void> {
    if (this.changed || this.signal.aborted) {
      this.changed = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = this;
      function done() {
        clearTimeout(timer);
        wake.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
    this.changed = false;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }
}
