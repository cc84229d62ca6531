import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hospitalBuildOrder } from '../../src/pipeline/hospital/hospital-build-order.js';
import { hospitalModels } from '../../src/pipeline/hospital/run-hospital-pipeline.js';
import type { RunContext } from '../../src/pipeline/run-context.js';

const models = hospitalModels({
  lake: { dir: '', config: { sourceTimeZone: 'UTC', staffedBeds: 10, ratioLimits: {} } },
} as unknown as RunContext);
const names = (layers: { silver: boolean; gold: boolean }) =>
  hospitalBuildOrder(models, layers).map((m) => m.model);

test('each gold model is built as soon as its inputs are, ED metrics right after the encounters', () => {
  const order = names({ silver: true, gold: true });
  assert.deepEqual(order.slice(0, 2), ['silver_healthcare_encounters', 'gold_healthcare_ed_metrics']);
  assert.equal(order.length, models.silver.length + models.gold.length);
  assert.deepEqual(new Set(order), new Set([...models.silver, ...models.gold].map((m) => m.model)));
  for (const [i, m] of hospitalBuildOrder(models, { silver: true, gold: true }).entries())
    for (const [, input] of m.inputs)
      if (order.includes(input)) assert.ok(order.indexOf(input) < i, `${m.model} after its input ${input}`);
  assert.ok(order.indexOf('gold_healthcare_readmission_risk') < order.indexOf('silver_healthcare_claims'));
  assert.deepEqual(
    names({ silver: true, gold: false }),
    models.silver.map((m) => m.model),
  );
  assert.deepEqual(
    names({ silver: false, gold: true }),
    models.gold.map((m) => m.model),
  );
  assert.deepEqual(names({ silver: false, gold: false }), []);
});
