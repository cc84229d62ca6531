import type { DeltaType } from './schema.js';

/**
 * Serialises a partition value for `add.partitionValues` (PROTOCOL.md, "Partition Value
 * Serialization") from an engine's text rendering of it. Null and the empty string are null;
 * timestamps are written `YYYY-MM-DD HH:MM:SS.ffffff` in UTC, the form every Delta reader parses.
 *
 * @example
 * serializePartitionValue('timestamp', '2024-01-01 08:00:00.5+00'); // '2024-01-01 08:00:00.500000'
 */
export function serializePartitionValue(type: DeltaType, text: string | null): string | null {
  if (text === null || text === '') return null;
  if (type === 'timestamp') {
    const m = /^(\d{4,}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(?:Z|[+-]00(?::?00)?)?$/.exec(
      text,
    );
    if (!m) throw new RangeError(`cannot serialise timestamp partition value ${text} (expected UTC)`);
    return `${m[1]} ${m[2]}.${(m[3] ?? '').padEnd(6, '0')}`;
  }
  return text;
}
