/**
 * What Tandem POSTs to a service: one envelope per event. The record keys (`feature`, `release`)
 * hold what the aha-services payloads hold; `integration` carries the integration's `data` (what
 * the user entered, never changed by the service) and `meta_data` (the service's own).
 */
import { z } from 'zod';
import { featureSchema, releaseSchema } from './records.ts';
import { PROTOCOL_VERSION } from './version.ts';

export const eventNames = [
  'installed',
  'create_feature',
  'update_feature',
  'create_release',
  'update_release',
  'webhook',
] as const;
export const eventNameSchema = z.enum(eventNames);
export type EventName = z.infer<typeof eventNameSchema>;

export const jsonObjectSchema = z.record(z.string(), z.unknown());

export const integrationSchema = z.object({
  /** Tandem's id of the integration; integration fields are stored per record and per this id. */
  id: z.string().min(1),
  /** The service's name, as `service_name` on the integration fields it stores. */
  service: z.string().min(1),
  data: jsonObjectSchema,
  meta_data: jsonObjectSchema,
});

const envelope = {
  protocol: z.literal(PROTOCOL_VERSION),
  /** Unique per HTTP attempt (the `tandem-delivery` header). */
  delivery_id: z.string().min(1),
  /**
   * The same for every attempt at one change: a service that sees it again answers as it did
   * the first time and does not act twice.
   */
  idempotency_key: z.string().min(1),
  sent_at: z.iso.datetime({ offset: true }),
  integration: integrationSchema,
};

export const installedEventSchema = z.object({ ...envelope, event: z.literal('installed') });
export const createFeatureEventSchema = z.object({
  ...envelope,
  event: z.literal('create_feature'),
  feature: featureSchema,
});
export const updateFeatureEventSchema = z.object({
  ...envelope,
  event: z.literal('update_feature'),
  feature: featureSchema,
});
export const createReleaseEventSchema = z.object({
  ...envelope,
  event: z.literal('create_release'),
  release: releaseSchema,
});
export const updateReleaseEventSchema = z.object({
  ...envelope,
  event: z.literal('update_release'),
  release: releaseSchema,
});
export const webhookEventSchema = z.object({
  ...envelope,
  event: z.literal('webhook'),
  /** The POST Tandem received on the service's webhook URL, as it arrived. */
  webhook: z.object({
    headers: z.record(z.string(), z.string()),
    body: z.string(),
  }),
});

export const serviceEventSchema = z.discriminatedUnion('event', [
  installedEventSchema,
  createFeatureEventSchema,
  updateFeatureEventSchema,
  createReleaseEventSchema,
  updateReleaseEventSchema,
  webhookEventSchema,
]);
export type ServiceEvent = z.infer<typeof serviceEventSchema>;
export type ServiceEventOf<E extends EventName> = Extract<ServiceEvent, { event: E }>;
