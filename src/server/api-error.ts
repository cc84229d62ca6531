/**
 * An error the server answers with its own status and a message naming what was wrong and
 * what is allowed; translated to JSON in one place (handle-error.ts).
 *
 * @example
 * throw new ApiError(400, 'bad_parameter', 'sort: no column "x"', { parameter: 'sort', allowed: ['a', 'b'] });
 */
export class ApiError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 503;
  readonly code: string;
  readonly parameter: string | undefined;
  readonly allowed: readonly string[] | undefined;

  constructor(
    status: ApiError['status'],
    code: string,
    message: string,
    details: { parameter?: string; allowed?: readonly string[] } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.parameter = details.parameter;
    this.allowed = details.allowed;
  }
}
