/** The semantic layer's public surface: definitions, the pure compiler and parsers, the readers. */
export { listDimensions, listMeasures } from './catalog.js';
export { compileMeasureQuery } from './compile-measure-query.js';
export { MeasureError, type MeasureProblem } from './measure-error.js';
export type * from './measure-types.js';
export { parseByDimension } from './parse-by-dimension.js';
export { parseFilter } from './parse-filter.js';
export { readDimensionValues } from './read-dimension-values.js';
export { type MeasureResult, readMeasures } from './read-measures.js';
export type { TableVersion } from './register-measure-tables.js';
