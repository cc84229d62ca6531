/**
 * True when `error` is a Node system error with the given `code` (ENOENT, EEXIST, …).
 *
 * @example
 * if (hasErrorCode(e, 'ENOENT')) return undefined;
 */
export function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
