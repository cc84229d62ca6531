import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { lakehouseDir } from './lake-layout.js';
import type { LakeTable } from './lake-table.js';

/**
 * Every Delta table in the lake: folders under `<lh>.Lakehouse/Tables/<schema>/` that hold a
 * `_delta_log`. Any `*.Lakehouse` folder counts, so copied-in lakehouses appear too.
 *
 * @example
 * const tables = await readLakeTables('/data/lake');
 */
export async function readLakeTables(lake: string): Promise<LakeTable[]> {
  const tables: LakeTable[] = [];
  for (const entry of await readdirOrEmpty(lake)) {
    if (!entry.endsWith('.Lakehouse')) continue;
    const lakehouse = entry.slice(0, -'.Lakehouse'.length);
    const tablesRoot = join(lakehouseDir(lake, lakehouse), 'Tables');
    for (const schema of await readdirOrEmpty(tablesRoot)) {
      for (const name of await readdirOrEmpty(join(tablesRoot, schema))) {
        const path = join(tablesRoot, schema, name);
        if (await isDir(join(path, '_delta_log'))) tables.push({ lakehouse, schema, name, path });
      }
    }
  }
  return tables.sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
