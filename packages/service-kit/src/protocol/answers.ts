/**
 * What a service answers. Success: what to store (integration fields per record, `meta_data`
 * changes, kept only after `installed`), log lines, and for `webhook` the changes it read from the
 * remote. Failure: an error that says whether trying again can help.
 */
import { z } from 'zod';
import { resourceSchema } from './records.ts';
import { PROTOCOL_VERSION } from './version.ts';

export const integrationFieldsWriteSchema = z.object({
  resource: resourceSchema,
  /** The record's `id` in the event payload. */
  id: z.string().min(1),
  /** Names → values, as the aha-services `create_integration_fields` call takes them. */
  fields: z.record(z.string().min(1), z.string()),
});

export const logLineSchema = z.object({
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string().min(1).max(2000),
});

/** A change the service read from a webhook body, for a record Tandem has integration fields on. */
export const incomingChangeSchema = z.object({
  kind: z.enum(['created', 'updated', 'deleted']),
  resource: resourceSchema,
  /** The remote record's id (the integration field `id` stored for it). */
  remote_id: z.string().min(1),
  /** New values by protocol field name (`name`, `description`, `workflow_status`, …). */
  fields: z.record(z.string(), z.unknown()).default({}),
  changed_at: z.iso.datetime({ offset: true }).optional(),
  /** Who changed it remotely, so Tandem can recognise its own writes. */
  changed_by: z.string().nullable().optional(),
});

export const okAnswerSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  ok: z.literal(true),
  integration_fields: z.array(integrationFieldsWriteSchema).max(1000).default([]),
  /** Keys to set on `meta_data` (`null` removes one). Kept only when the event is `installed`. */
  meta_data: z.record(z.string(), z.unknown()).optional(),
  logs: z.array(logLineSchema).max(100).default([]),
  changes: z.array(incomingChangeSchema).max(1000).default([]),
});

export const errorAnswerSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  ok: z.literal(false),
  error: z.object({
    message: z.string().min(1).max(2000),
    /** `true`: the same event may succeed later (the remote is down); `false`: it never will. */
    retryable: z.boolean(),
    /** Seconds to wait before the next attempt, when the service knows. */
    retry_after: z.number().int().positive().max(86_400).optional(),
    field_errors: z
      .array(z.object({ field: z.string().nullable(), message: z.string().min(1) }))
      .default([]),
  }),
  logs: z.array(logLineSchema).max(100).default([]),
});

export const serviceAnswerSchema = z.discriminatedUnion('ok', [okAnswerSchema, errorAnswerSchema]);
export type OkAnswer = z.infer<typeof okAnswerSchema>;
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;
export type ServiceAnswer = z.infer<typeof serviceAnswerSchema>;
export type ServiceAnswerInput = z.input<typeof serviceAnswerSchema>;
export type LogLine = z.infer<typeof logLineSchema>;
export type IntegrationFieldsWrite = z.infer<typeof integrationFieldsWriteSchema>;
export type IncomingChange = z.infer<typeof incomingChangeSchema>;
