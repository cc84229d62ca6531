import { z } from '@hono/zod-openapi';

/**
 * A query parameter that may be repeated (`by=a&by=b`): one string or several.
 *
 * @example
 * z.object({ by: repeatedParam('dimension to group by') });
 */
export function repeatedParam(description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ description, param: { style: 'form', explode: true } });
}

/** The values of a repeated parameter as a list. @example asList('a') // ['a'] */
export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
