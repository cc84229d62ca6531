import { z } from '@hono/zod-openapi';

/** `asOf` and `format`, accepted by every data endpoint. */
export const commonQuery = {
  asOf: z.string().optional().openapi({
    description: 'read every table as of this ISO 8601 instant (Delta time travel)',
    example: '2026-12-01T08:00:00Z',
  }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (default) or csv' }),
};
