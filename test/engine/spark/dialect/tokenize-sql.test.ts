import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tokenizeSql } from '../../../../src/engine/spark/dialect/tokenize-sql.js';
import { PROJECT_ROOT } from '../../../helpers/project-root.js';

test('literals, quoted identifiers and comments are single tokens', () => {
  const kinds = (sql: string) => tokenizeSql(sql).map((t) => [t.kind, t.text]);
  assert.deepEqual(kinds("'a''b' r'\\d' e'x'"), [
    ['string', "'a''b'"],
    ['space', ' '],
    ['string', "r'\\d'"],
    ['space', ' '],
    ['string', "e'x'"],
  ]);
  assert.deepEqual(kinds('"a""b"`c`'), [
    ['quoted', '"a""b"'],
    ['quoted', '`c`'],
  ]);
  assert.deepEqual(kinds('x--c\n/* d */$p::t//2'), [
    ['word', 'x'],
    ['comment', '--c'],
    ['space', '\n'],
    ['comment', '/* d */'],
    ['param', '$p'],
    ['op', '::'],
    ['word', 't'],
    ['op', '//'],
    ['number', '2'],
  ]);
  // A word ending in r or e before a quote is not a literal prefix.
  assert.equal(tokenizeSql("where'a'")[0]!.text, 'where');
});

test('an unterminated literal or comment runs to the end', () => {
  assert.deepEqual(tokenizeSql("select 'abc").at(-1), { kind: 'string', text: "'abc" });
  assert.deepEqual(tokenizeSql('select /* abc').at(-1), { kind: 'comment', text: '/* abc' });
});

test('the tokens of every model and macro concatenate to the file', () => {
  const models = join(PROJECT_ROOT, 'models');
  for (const dir of ['bronze', 'silver', 'gold', 'macros', 'macros/spark'])
    for (const f of readdirSync(join(models, dir)).filter((n) => n.endsWith('.sql'))) {
      const sql = readFileSync(join(models, dir, f), 'utf8');
      assert.equal(
        tokenizeSql(sql)
          .map((t) => t.text)
          .join(''),
        sql,
        f,
      );
    }
});
