import type { Context } from 'hono';
import { CarelakeError } from '../errors/carelake-error.js';
import { redactPhiLike } from '../privacy/redact-phi-like.js';
import { ApiError } from './api-error.js';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; parameter?: string; allowed?: readonly string[] };
}

/**
 * The server's one error handler: ApiError keeps its status; a user error from the layers
 * below (a CarelakeError with exit code 2: unknown measure, bad filter, …) is a 400 with its
 * message; anything else is a 500 whose body says only that, while `log` gets the message for
 * the operator. No stack trace ever reaches a client, and nothing in a message or the log
 * line that looks like a raw MRN or an unmasked SSN (a mistyped name or value echoed back).
 *
 * @example
 * app.onError((error, c) => handleError(error, c, log));
 */
export function handleError(error: unknown, c: Context, log: (line: string) => void): Response {
  if (error instanceof ApiError) return c.json(body(error.code, error.message, error), error.status);
  if (error instanceof CarelakeError && error.exitCode === 2) {
    const details = error as CarelakeError & { parameter?: string; allowed?: readonly string[] };
    return c.json(body('bad_parameter', error.message, details), 400);
  }
  const message = error instanceof Error ? error.message : String(error);
  log(redactPhiLike(`error ${c.req.method} ${c.req.path}: ${message}`));
  return c.json(body('internal', 'internal error; the server log has the details'), 500);
}

function body(
  code: string,
  message: string,
  details: { parameter?: string | undefined; allowed?: readonly string[] | undefined } = {},
): ErrorBody {
  return {
    error: {
      code,
      message: redactPhiLike(message),
      ...(details.parameter ? { parameter: details.parameter } : {}),
      ...(details.allowed ? { allowed: details.allowed } : {}),
    },
  };
}
