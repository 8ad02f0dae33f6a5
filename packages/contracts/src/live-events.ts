import { z } from 'zod';
import { recordTypeSchema } from './roadmap.ts';

/** Pushed to the SPA over SSE (`GET /api/workspaces/:id/events/stream`). */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('record.changed'),
    recordType: recordTypeSchema,
    recordId: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    version: z.number().int().nullable(),
    origin: z.string(),
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
