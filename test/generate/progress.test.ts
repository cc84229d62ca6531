import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineProgress } from '../../src/generate/output/line-progress.js';
import { TtyProgress } from '../../src/generate/output/tty-progress.js';

describe('progress reporting', () => {
  test('on a terminal: one bar redrawn in place, only when the percentage changes', () => {
    let out = '';
    const p = new TtyProgress((s) => {
      out += s;
    });
    p.phase('simulating hospital', 200);
    for (let i = 1; i <= 200; i++) p.advance(i);
    p.end();
    const frames = out.split('\r').filter((f) => f !== '');
    assert.equal(frames.length, 101);
    assert.match(frames.at(-1)!, /^simulating hospital\s+\[#{30}\] 100%\n$/);
  });

  test('elsewhere: a few plain lines, no control characters', () => {
    let out = '';
    const p = new LineProgress((s) => {
      out += s;
    });
    p.phase('simulating hospital', 1000);
    for (let i = 1; i <= 1000; i++) p.advance(i);
    p.phase('writing parquet', 4);
    p.advance(4);
    p.end();
    assert.deepEqual(out.trim().split('\n'), [
      'generate: simulating hospital',
      'generate: simulating hospital 25%',
      'generate: simulating hospital 50%',
      'generate: simulating hospital 75%',
      'generate: simulating hospital 100%',
      'generate: writing parquet',
      'generate: writing parquet 100%',
    ]);
    assert.ok(!out.includes('\r'));
  });
});
