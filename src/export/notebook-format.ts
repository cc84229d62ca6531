/** One cell of a Jupyter notebook (nbformat 4). */
export interface NotebookCell {
  cell_type: 'markdown' | 'code';
  metadata: { tags?: string[] };
  source: string[];
  outputs?: [];
  execution_count?: null;
}

/** The kernel a notebook declares (Fabric: Synapse PySpark; Databricks: Python). */
export interface NotebookKernel {
  name: string;
  display_name: string;
}

/** Splits text into nbformat's source lines (each but the last keeps its newline). */
function sourceLines(text: string): string[] {
  const lines = text.replace(/\n+$/, '').split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
}

/**
 * A markdown cell.
 *
 * @example
 * markdownCell('# carelake bronze');
 */
export function markdownCell(text: string): NotebookCell {
  return { cell_type: 'markdown', metadata: {}, source: sourceLines(text) };
}

/**
 * A code cell; `tags: ['parameters']` marks the cell Fabric, papermill and the runner override.
 *
 * @example
 * codeCell('source_time_zone = "UTC"', ['parameters']);
 */
export function codeCell(source: string, tags?: string[]): NotebookCell {
  return {
    cell_type: 'code',
    metadata: tags ? { tags } : {},
    source: sourceLines(source),
    outputs: [],
    execution_count: null,
  };
}

/**
 * The `.ipynb` text of a notebook (nbformat 4.5, PySpark), stable for a given input so exports
 * diff cleanly.
 *
 * @example
 * notebookJson([markdownCell('# x')], { name: 'synapse_pyspark', display_name: 'Synapse PySpark' });
 */
export function notebookJson(cells: readonly NotebookCell[], kernel: NotebookKernel): string {
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { ...kernel, language: 'python' },
      language_info: { name: 'python' },
    },
    cells: cells.map((cell, i) => ({ id: `cell-${String(i + 1).padStart(3, '0')}`, ...cell })),
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
