import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../helpers/project-root.js';

// Generated data belongs in ignored folders (bench/.data, /lakehouse, scratch/), never in a commit:
// a script makes it again, and one stray lake or Parquet file makes the repository unusable.
const MAX_FILE_BYTES = 512 * 1024;
const MAX_TOTAL_BYTES = 16 * 1024 * 1024;
const DATA_FILE = /\.(parquet|duckdb|wal|crc|cpuprofile|heapprofile|tgz|zip)$|(^|\/)_delta_log\//;

test('the repository tracks no generated data and no oversized file', () => {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  const files = listing.split('\0').filter((f) => f !== '');
  assert.ok(files.length > 100, 'git ls-files lists the project');
  let total = 0;
  for (const file of files) {
    assert.doesNotMatch(file, DATA_FILE, `${file} is generated data: add its folder to .gitignore`);
    let size = 0;
    try {
      size = statSync(join(PROJECT_ROOT, file)).size;
    } catch {
      continue; // deleted in the work tree, not yet committed
    }
    assert.ok(size <= MAX_FILE_BYTES, `${file} is ${size} bytes: keep files under ${MAX_FILE_BYTES}`);
    total += size;
  }
  assert.ok(total <= MAX_TOTAL_BYTES, `tracked files total ${total} bytes`);
});
