import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    migrations: z.object({
      applied: z.number().int(),
      pending: z.number().int(),
      latest: z.string().nullable(),
    }),
  }),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;
