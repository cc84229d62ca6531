import type { Metadata, Protocol } from './actions.js';

/**
 * Which protocol versions and table features carelake can read and write. Pure: returns the
 * first unsupported feature's name, or undefined when the table is fine.
 */

// deletionVectors: the engine's snapshot view leaves out the rows each file's vector deletes.
const READABLE_FEATURES = new Set([
  'timestampNtz',
  'appendOnly',
  'invariants',
  'vacuumProtocolCheck',
  'deletionVectors',
  // Files written before a column was widened hold the narrower type; the engine's view casts
  // every column to the table's type, which is exactly what type widening asks of a reader.
  'typeWidening',
  'typeWidening-preview',
]);
const WRITABLE_FEATURES = new Set(['appendOnly', 'invariants']);

/**
 * The name of the first reader feature this table needs that carelake cannot honour.
 *
 * @example
 * unsupportedReaderFeature({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['v2Checkpoint'] }, md); // 'v2Checkpoint'
 */
export function unsupportedReaderFeature(
  protocol: Protocol,
  metadata: Metadata | undefined,
): string | undefined {
  const mapping = metadata?.configuration?.['delta.columnMapping.mode'];
  if (mapping !== undefined && mapping !== 'none') return 'columnMapping';
  if (protocol.minReaderVersion <= 2) return undefined;
  if (protocol.minReaderVersion > 3) return `readerVersion${protocol.minReaderVersion}`;
  return (protocol.readerFeatures ?? []).find((f) => !READABLE_FEATURES.has(f));
}

/**
 * The name of the first writer feature carelake cannot honour when writing this table.
 *
 * @example
 * unsupportedWriterFeature({ minReaderVersion: 1, minWriterVersion: 4 }); // 'writerVersion4'
 */
export function unsupportedWriterFeature(protocol: Protocol): string | undefined {
  if (protocol.minWriterVersion <= 2) return undefined;
  if (protocol.minWriterVersion !== 7) return `writerVersion${protocol.minWriterVersion}`;
  return (protocol.writerFeatures ?? []).find((f) => !WRITABLE_FEATURES.has(f));
}
