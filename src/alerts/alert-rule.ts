import { z } from 'zod';

const comparison = z.enum(['>', '>=', '<', '<=']);

const destination = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('webhook'),
      url: z.url({ protocol: /^https?$/ }),
      /** Attempts after the first, per delivery; an undelivered alert is tried again after the next run. */
      retries: z.number().int().min(0).max(10).default(4),
      /** First wait between attempts, doubled after each (capped at 30 s). */
      backoff_ms: z.number().int().min(1).max(60_000).default(500),
      timeout_ms: z.number().int().min(100).max(60_000).default(5_000),
      /**
       * The environment variable holding the secret requests are signed with (HMAC-SHA256, the
       * `carelake-signature` header); the secret itself never goes in a rule file.
       */
      secret_env: z
        .string()
        .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name, e.g. CARELAKE_WEBHOOK_SECRET')
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('log') }).strict(),
  z.object({ type: z.literal('delta') }).strict(),
]);

const condition = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('threshold'),
      /** The column compared: the measure by default; required for query rules. */
      column: z.string().min(1).optional(),
      op: comparison,
      value: z.number(),
    })
    .strict(),
  z
    .object({
      type: z.literal('change'),
      /** The measure over the last `days` days (to today) against the `days` before them. */
      days: z.number().int().min(1).max(366),
      op: comparison,
      value: z.number(),
      /** Compare the change in percent of the earlier value instead of in the measure's unit. */
      relative: z.boolean().default(false),
    })
    .strict(),
  z.object({ type: z.literal('new_row') }).strict(),
]);

/**
 * One alert rule, as written in carelake.json (`alerts: […]`) or alerts/*.json. Exactly one
 * of `measure` (a named measure, compiled by the measure compiler) and `query` (a read-only
 * query over the silver and gold tables an analyst may read).
 */
export const alertRuleSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - (no spaces)'),
    description: z.string().optional(),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
    measure: z
      .object({
        name: z.string().min(1),
        by: z.array(z.string()).default([]),
        where: z.array(z.string()).default([]),
        /** all (default), today (in the lake's sourceTimeZone) or the last N days to today. */
        window: z
          .union([z.enum(['all', 'today']), z.object({ days: z.number().int().min(1).max(3660) }).strict()])
          .default('all'),
      })
      .strict()
      .optional(),
    query: z.string().min(1).optional(),
    /** Columns that identify one alert (deduplication); default: the measure's dimensions, or every column but the compared one. */
    key: z.array(z.string()).optional(),
    condition,
    /** new_row only: fire for the rows already there at the rule's first evaluation too (default: they are its baseline). */
    fire_existing: z.boolean().default(false),
    destinations: z.array(destination).min(1),
  })
  .strict()
  .refine((r) => (r.measure === undefined) !== (r.query === undefined), {
    message: 'give exactly one of "measure" and "query"',
  })
  .refine((r) => r.condition.type !== 'change' || r.measure !== undefined, {
    message: 'a "change" condition needs a measure',
  })
  .refine(
    (r) => r.condition.type !== 'threshold' || r.measure !== undefined || r.condition.column !== undefined,
    {
      message: 'a threshold on a query needs condition.column',
    },
  );

export type AlertRule = z.infer<typeof alertRuleSchema>;
export type AlertDestination = AlertRule['destinations'][number];
export type AlertCondition = AlertRule['condition'];
