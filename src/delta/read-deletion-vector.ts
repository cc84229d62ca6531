import { open } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrorCode } from '../errors/has-error-code.js';
import {
  type DeletionVectorDescriptor,
  decodeZ85,
  deletedRows,
  deletionVectorFile,
  vectorBytes,
} from './deletion-vector.js';
import { DeltaTableError } from './delta-table-error.js';

/**
 * The row indexes a deletion vector deletes from its data file, ascending: decoded from the log
 * (inline vectors) or read from its file beside the table, only the vector's own bytes. A
 * missing, truncated or corrupt vector (its CRC is checked) is a DeltaTableError, never an
 * empty set of deleted rows.
 *
 * @example
 * const rows = await readDeletedRows('/lake/t', add.deletionVector);
 */
export async function readDeletedRows(tablePath: string, dv: DeletionVectorDescriptor): Promise<number[]> {
  try {
    return await readRows(tablePath, dv);
  } catch (error) {
    throw new DeltaTableError({
      table: tablePath,
      problem: hasErrorCode(error, 'ENOENT') ? 'missing-file' : 'corrupt-log',
      detail: `cannot read deletion vector ${JSON.stringify(dv)}: ${(error as Error).message}`,
      cause: error,
    });
  }
}

async function readRows(tablePath: string, dv: DeletionVectorDescriptor): Promise<number[]> {
  if (dv.storageType === 'i') return deletedRows(decodeZ85(dv.pathOrInlineDv, dv.sizeInBytes));
  if (dv.storageType !== 'u' && dv.storageType !== 'p')
    throw new Error(`unknown storageType ${dv.storageType}`);
  const file = deletionVectorFile(dv)!;
  const path = file.startsWith('file:')
    ? fileURLToPath(new URL(file))
    : isAbsolute(file)
      ? file
      : join(tablePath, file);
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(dv.sizeInBytes + 8);
    await handle.read(chunk, 0, chunk.length, dv.offset ?? 1);
    return deletedRows(vectorBytes(chunk, dv));
  } finally {
    await handle.close();
  }
}
