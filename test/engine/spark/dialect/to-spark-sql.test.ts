import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { toSparkSql } from '../../../../src/engine/spark/dialect/to-spark-sql.js';
import { tokenizeSql } from '../../../../src/engine/spark/dialect/tokenize-sql.js';
import { PROJECT_ROOT } from '../../../helpers/project-root.js';

const views = { table: (l: string, s: string, n: string) => `${l}__${s}__${n}` };
const spark = (sql: string): string => toSparkSql(sql, views);

test('parameters: $name becomes :name and $1 becomes ?, never inside a literal, identifier or comment', () => {
  assert.equal(spark('select $a, $1, $source_time_zone'), 'select :a, ?, :source_time_zone');
  assert.equal(
    spark(`select '$."' || $k, "$x" -- $y\n/* $z */`),
    `select '$."' || :k, \`$x\` -- $y\n/* $z */`,
  );
});

test('* exclude ( becomes * except (, and only after a star', () => {
  assert.equal(spark('select * exclude (a, b) from t'), 'select * except (a, b) from t');
  assert.equal(spark('select t.* EXCLUDE(a) from t'), 'select t.* except(a) from t');
  assert.equal(spark('select exclude from t'), 'select exclude from t');
});

test('as [not] materialized ( loses the keyword', () => {
  assert.equal(
    spark('with a as materialized (select 1), b as not materialized (select 2)'),
    'with a as (select 1), b as (select 2)',
  );
  assert.equal(spark('select materialized from t'), 'select materialized from t');
});

test('cast type names: varchar, text, timestamptz, ubigint, hugeint after :: or in cast(… as T)', () => {
  assert.equal(
    spark('select x::varchar, cast(y as TIMESTAMPTZ), cast(z as ubigint), w::hugeint, cast(v as text)'),
    'select x::string, cast(y as timestamp), cast(z as bigint), w::decimal(38,0), cast(v as string)',
  );
  // An alias that happens to be a type name stays.
  assert.equal(spark('select a as text, b as varchar from t'), 'select a as text, b as varchar from t');
});

test('integer division // becomes div', () => {
  assert.equal(spark('select a // 1000000 - b//2'), 'select a div 1000000 - b div 2');
  assert.equal(spark("select '//'"), "select '//'");
});

test('function renames apply to calls only, not to columns or qualified names', () => {
  assert.equal(
    spark(
      'select quantile_cont(x, 0.5), list_sort(list(y)), list_transform(l, v -> v.t), list_contains(b, 1), list_extract(l, 1).id',
    ),
    'select percentile(x, 0.5), array_sort(collect_list(y)), transform(l, v -> v.t), array_contains(b, 1), element_at(l, 1).id',
  );
  assert.equal(
    spark('select unnest(generate_series(a, b, interval 1 day)), epoch_us(ts)'),
    'select explode(sequence(a, b, interval 1 day)), unix_micros(ts)',
  );
  assert.equal(spark('select list, t.list(1) from t'), 'select list, t.list(1) from t');
});

test('struct literals become named_struct, nested ones and : inside brackets included', () => {
  assert.equal(spark("select {'a': 1, 'b': f(x, y)}"), "select named_struct('a', 1, 'b', f(x, y))");
  assert.equal(
    spark("select {'a': {'b': x::varchar}, 'c': l[1]}"),
    "select named_struct('a', named_struct('b', x::string), 'c', l[1])",
  );
  assert.equal(spark("select ':' , '{'"), "select ':' , '{'");
});

test('to_json of a relation alias serialises the whole row; every to_json keeps null fields', () => {
  assert.equal(
    spark('select to_json(staged) from staged'),
    "select to_json(struct(staged.*), map('ignoreNullFields', 'false')) from staged",
  );
  assert.equal(
    spark("select to_json({'k': v})::varchar"),
    "select to_json(named_struct('k', v), map('ignoreNullFields', 'false'))::string",
  );
  assert.equal(
    spark('select to_json(lower(x))'),
    "select to_json(lower(x), map('ignoreNullFields', 'false'))",
  );
});

test('a literal holding a backslash becomes raw, as DuckDB reads it', () => {
  assert.equal(
    spark("select full_match(x, '\\d{1,3}'), 'plain', r'\\d'"),
    "select full_match(x, r'\\d{1,3}'), 'plain', r'\\d'",
  );
});

test('double-quoted identifiers become backquoted', () => {
  assert.equal(spark('select "a b", "x""y", "p`q" from t'), 'select `a b`, `x"y`, `p``q` from t');
});

test('three-part lake names go through options.table; two-part and quoted names stay', () => {
  assert.equal(
    spark('from lh_silver.dbo.emr_events as e join LH_GOLD.dbo.x on 1 = 1 join s.t on true'),
    'from lh_silver__dbo__emr_events as e join LH_GOLD__dbo__x on 1 = 1 join s.t on true',
  );
  assert.equal(
    toSparkSql('from lh_bronze.dbo.t', { table: (l, s, n) => `${l}.${s}.${n}` }),
    'from lh_bronze.dbo.t',
  );
  assert.equal(spark("select 'lh_silver.dbo.t'"), "select 'lh_silver.dbo.t'");
});

test('a table macro header becomes a Spark SQL table function, typed by the comment after each parameter', () => {
  assert.equal(
    spark(
      'create or replace temp macro session_events(buckets /* array<int> */, max_session_us /* bigint */) as table\nselect 1',
    ),
    'create or replace TEMPORARY FUNCTION session_events(buckets array<int>, max_session_us bigint) RETURNS TABLE RETURN\nselect 1',
  );
});

test('comments and literals pass through byte for byte, so lines stay where they were', () => {
  const sql = "-- a $x {'k': 1} // note\nselect 'it''s $y' as \"q\" /* * exclude ( */ from t";
  assert.equal(spark(sql), "-- a $x {'k': 1} // note\nselect 'it''s $y' as `q` /* * exclude ( */ from t");
  assert.equal(spark(sql).split('\n').length, sql.split('\n').length);
});

test('read_csv($param, …) becomes the relation options.csv names, and stays without it', () => {
  const sql = 'select a from read_csv($path, header = true, all_varchar = true) where b';
  assert.equal(toSparkSql(sql, { ...views, csv: (p) => `${p}_csv` }), 'select a from path_csv where b');
  assert.equal(spark(sql), 'select a from read_csv(:path, header = true, all_varchar = true) where b');
});

// Functions only DuckDB has, or that mean something else on Spark; the models reach them only
// through the macros (which exist on both engines) or a rewrite.
const DUCKDB_ONLY = new Set([
  'regexp_full_match',
  'regexp_matches',
  'epoch',
  'timezone',
  'hash',
  'json_extract_string',
  'any_value',
  'strlen',
  'starts_with',
  'ends_with',
  'list_sort',
  'quantile_cont',
  'generate_series',
  'unnest',
  'exclude',
  'materialized',
]);

test('no DuckDB-only construct is left in the Spark SQL of any shared model', () => {
  const models = join(PROJECT_ROOT, 'models');
  for (const layer of ['bronze', 'silver', 'gold'])
    for (const f of readdirSync(join(models, layer)).filter(
      (n) => n.endsWith('.sql') && !n.endsWith('.spark.sql'),
    )) {
      const tokens = tokenizeSql(spark(readFileSync(join(models, layer, f), 'utf8')));
      const left = tokens.filter(
        (t, i) =>
          t.kind === 'param' ||
          (t.kind === 'op' && ['{', '}', '//'].includes(t.text)) ||
          (t.kind === 'word' && DUCKDB_ONLY.has(t.text.toLowerCase())) ||
          (t.kind === 'word' && /^(varchar|timestamptz|hugeint|ubigint)$/i.test(t.text)) ||
          (t.kind === 'word' && /^lh_/i.test(t.text) && tokens[i + 1]?.text === '.'),
      );
      assert.deepEqual(
        left.map((t) => t.text),
        [],
        `${layer}/${f}`,
      );
    }
});
