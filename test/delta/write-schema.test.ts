import assert from 'node:assert/strict';
import { test } from 'node:test';
import { field, type StructType } from '../../src/delta/schema.js';
import { canWiden, planWriteSchema } from '../../src/delta/write-schema.js';

const schema: StructType = { type: 'struct', fields: [field('id', 'long'), field('name', 'string')] };

test('matching columns plan cleanly, in table order', () => {
  const plan = planWriteSchema(
    schema,
    [
      { name: 'name', type: 'string' },
      { name: 'id', type: 'integer' },
    ],
    { merge: false },
  );
  assert.deepEqual(plan.problems, []);
  assert.deepEqual(
    plan.columns.map((c) => c.name),
    ['id', 'name'],
  );
  assert.equal(plan.schemaChanged, false);
});

test('every mismatch is named', () => {
  const plan = planWriteSchema(
    schema,
    [
      { name: 'id', type: 'string' },
      { name: 'extra', type: 'double' },
    ],
    { merge: false },
  );
  assert.deepEqual(plan.problems, [
    'column "id" is long in the table but string in the data',
    'missing column "name" (string)',
    'extra column "extra" not in the table',
  ]);
});

test('merge adds nullable columns and fills missing ones with NULL', () => {
  const plan = planWriteSchema(
    schema,
    [
      { name: 'id', type: 'long' },
      { name: 'unit', type: 'string' },
    ],
    { merge: true },
  );
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.schemaChanged, true);
  assert.deepEqual(
    plan.schema.fields.map((f) => f.name),
    ['id', 'name', 'unit'],
  );
  assert.equal(plan.columns.find((c) => c.name === 'name')?.source, undefined);
});

test('widening rules', () => {
  assert.equal(canWiden('byte', 'long'), true);
  assert.equal(canWiden('long', 'integer'), false);
  assert.equal(canWiden('float', 'double'), true);
  assert.equal(canWiden('integer', 'double'), true);
  assert.equal(canWiden('long', 'double'), false);
  assert.equal(canWiden('decimal(10,2)', 'decimal(12,2)'), true);
  assert.equal(canWiden('decimal(10,2)', 'decimal(10,3)'), false);
  assert.equal(canWiden('string', 'timestamp'), false);
});
