import { readModelMeta } from '../pipeline/read-model.js';
import { codeCell, markdownCell, type NotebookCell } from './notebook-format.js';
import { pythonBlock } from './python-literal.js';

/** The comment lines a model's SQL opens with, as prose. */
function headerProse(sql: string): string {
  const lines: string[] = [];
  for (const line of sql.split('\n')) {
    const m = /^\s*--\s?(.*)$/.exec(line);
    if (!m) break;
    lines.push(m[1]!);
  }
  return lines.join('\n').trim();
}

/**
 * A model's two cells: markdown saying what it produces (table, grain and key from the model's
 * .json metadata, then the model's own header comment), and one code cell holding its Spark SQL
 * and the call that builds it. `call` gets the name of the Python variable holding the SQL.
 *
 * @example
 * modelCells('gold', 'gold_healthcare_kpis', sql, (v) => `build_model("lh_gold", "gold_healthcare_kpis", ${v})`);
 */
export function modelCells(
  layer: string,
  name: string,
  sql: string,
  call: (sqlVariable: string) => string,
): NotebookCell[] {
  const meta = readModelMeta(layer, name);
  const facts = [
    `**Grain:** ${meta.grain}`,
    `**Key:** ${meta.key.map((k) => `\`${k}\``).join(', ')}`,
    ...(meta.partitionBy?.length
      ? [`**Partitioned by:** ${meta.partitionBy.map((k) => `\`${k}\``).join(', ')}`]
      : []),
  ];
  const prose = headerProse(sql);
  const variable = `${name.toUpperCase()}_SQL`;
  return [
    markdownCell(`### \`${meta.table}\`\n\n${facts.join(' · ')}\n\n${prose}`),
    codeCell(`${variable} = ${pythonBlock(sql)}\n\n${call(variable)}`),
  ];
}

/**
 * The cells of a model that has no Spark SQL yet: a note, and a cell that says so when run.
 *
 * @example
 * unavailableModelCells('gold', 'gold_healthcare_kpis');
 */
export function unavailableModelCells(layer: string, name: string): NotebookCell[] {
  const meta = readModelMeta(layer, name);
  return [
    markdownCell(
      `### \`${meta.table}\`\n\n**Grain:** ${meta.grain}\n\nThis model has no Spark SQL version in this carelake release.`,
    ),
    codeCell(
      `print(${JSON.stringify(`${meta.table}: skipped, no Spark SQL version in this carelake release`)})`,
    ),
  ];
}
