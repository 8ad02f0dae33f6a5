import { z } from 'zod';

/** Anonymous callers get `status` only; a signed-in workspace owner also gets the details. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z
    .object({
      dialect: z.enum(['sqlite', 'postgres']),
      migrations: z.object({
        applied: z.number().int(),
        pending: z.number().int(),
        latest: z.string().nullable(),
      }),
    })
    .optional(),
  version: z.string().optional(),
});
export type Health = z.infer<typeof healthSchema>;
