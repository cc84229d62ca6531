import type { FullModel } from '../build-model-table.js';

/**
 * The order a run builds the hospital models in when it builds both layers: each silver model,
 * then at once every gold model whose inputs are all built, in `gold`'s order. The models are
 * the same and each still reads its inputs' latest versions, so the tables are those of building
 * silver first; what changes is when they are ready: a new ED arrival reaches
 * gold_healthcare_ed_metrics right after silver_healthcare_encounters, without waiting for the
 * claims (2.5M rows at medium scale) to be rebuilt. With one layer, that layer's list. Pure.
 *
 * @example
 * hospitalBuildOrder(models, { silver: true, gold: true }).map((m) => m.model);
 * // ['silver_healthcare_encounters', 'gold_healthcare_ed_metrics', …, 'silver_healthcare_claims', 'gold_healthcare_denials', …]
 */
export function hospitalBuildOrder(
  models: { silver: readonly FullModel[]; gold: readonly FullModel[] },
  layers: { silver: boolean; gold: boolean },
): FullModel[] {
  if (!layers.gold) return layers.silver ? [...models.silver] : [];
  if (!layers.silver) return [...models.gold];
  const produced = new Set([...models.silver, ...models.gold].map((m) => `${m.lakehouse}.${m.model}`));
  const built = new Set<string>();
  const waiting = [...models.gold];
  const order: FullModel[] = [];
  const ready = (m: FullModel) =>
    m.inputs.every(
      ([lakehouse, name]) => !produced.has(`${lakehouse}.${name}`) || built.has(`${lakehouse}.${name}`),
    );
  const add = (m: FullModel) => {
    order.push(m);
    built.add(`${m.lakehouse}.${m.model}`);
  };
  for (const silver of models.silver) {
    add(silver);
    for (let i = 0; i < waiting.length; ) {
      if (ready(waiting[i]!)) {
        add(waiting.splice(i, 1)[0]!);
        i = 0;
      } else i++;
    }
  }
  for (const m of waiting) add(m);
  return order;
}
