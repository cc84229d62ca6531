import { MeasureError } from '../../measures/measure-error.js';
import { ApiError } from '../api-error.js';

/** Where each part of a measure request came from, to name the parameter an error is about. */
export interface MeasureParams {
  byDimensions: readonly string[];
  whereDimensions: readonly string[];
}

/**
 * Runs `work`, turning a MeasureError into a 400 that names the query parameter it came from
 * and the allowed values (a missing table is a 404: the pipeline has not built it yet).
 *
 * @example
 * const compiled = withMeasureErrors({ byDimensions: ['payer'], whereDimensions: [] }, () => compileMeasureQuery(request));
 */
export function withMeasureErrors<T>(params: MeasureParams, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof MeasureError)) throw error;
    throw new ApiError(error.problem === 'missing-table' ? 404 : 400, 'bad_parameter', error.message, {
      parameter: parameterOf(error, params),
      allowed: error.allowed,
    });
  }
}

function parameterOf(error: MeasureError, params: MeasureParams): string {
  switch (error.problem) {
    case 'unknown-measure':
    case 'bad-request':
    case 'missing-table':
      return 'measure';
    case 'bad-grain':
      return 'by';
    case 'bad-filter':
      return error.value === 'date' ? 'from' : 'where';
    case 'bad-date':
      return error.message.startsWith('--to') ? 'to' : 'from';
    default:
      return params.byDimensions.includes(error.value) || !params.whereDimensions.includes(error.value)
        ? 'by'
        : 'where';
  }
}
