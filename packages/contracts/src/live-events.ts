import { z } from 'zod';

/** Pushed to the SPA over SSE (`GET /api/workspaces/:id/events/stream`). */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('record.changed'),
    /** Any outbox record type: the roadmap's four, and also attachment, workflow, custom_field… */
    recordType: z.string(),
    recordId: z.string(),
    /** The record it belongs to (a requirement's or attachment's feature), when there is one. */
    parentType: z.string().nullable().optional(),
    parentId: z.string().nullable().optional(),
    action: z.enum(['create', 'update', 'delete']),
    version: z.number().int().nullable(),
    origin: z.string(),
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
