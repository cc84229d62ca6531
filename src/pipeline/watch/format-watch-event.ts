import { formatBatchRecord } from './batch-record.js';
import type { WatchEvent } from './watch-landing-zone.js';

/**
 * A watcher's event as one line of text for people (`--json` prints the event itself). Pure.
 *
 * @example
 * formatWatchEvent({ event: 'idle', batches: 3 }); // 'idle after 3 batch(es); waiting for landing files'
 */
export function formatWatchEvent(e: WatchEvent): string {
  switch (e.event) {
    case 'batch':
      return formatBatchRecord(e);
    case 'start':
      return `watching ${e.lake} (every ${e.interval_ms} ms, files settle after ${e.settle_ms} ms unchanged)`;
    case 'idle':
      return `idle after ${e.batches} batch(es); waiting for landing files`;
    case 'busy':
      return `waiting: ${e.message}`;
    case 'rejected':
      return `moved ${e.file} aside to ${e.moved_to}: ${e.reason}`;
    case 'error':
      return `batch failed, retrying: ${e.message}`;
    case 'warning':
      return `warning: ${e.message}`;
    case 'optimize':
      return `compacted ${e.tables.length === 0 ? 'nothing (no small files)' : e.tables.map((t) => `${t.table.split('.').pop()} ${t.files_removed} → ${t.files_added} files`).join(', ')}, ${e.duration_ms} ms`;
    case 'stop':
      return `stopped after ${e.batches} batch(es)`;
  }
}
