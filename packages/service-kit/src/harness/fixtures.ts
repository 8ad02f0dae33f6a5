/**
 * The aha-services payloads (`fixtures/aha-services/`, MIT, see the README there) wrapped in the
 * protocol's envelope, so a service is tested with the payloads the original library used.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type EventName,
  PROTOCOL_VERSION,
  type ServiceEvent,
  serviceEventSchema,
} from '../protocol/index.ts';

const FILES: Record<Exclude<EventName, 'installed'>, string> = {
  create_feature: 'create_feature_event.json',
  update_feature: 'update_feature_event.json',
  create_release: 'create_release_event.json',
  update_release: 'update_release_event.json',
  webhook: 'rally/rally_update_webhook.json',
};

const fixturesDir = new URL('../../fixtures/aha-services/', import.meta.url);

export function fixturePayload(name: Exclude<EventName, 'installed'>): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(FILES[name], fixturesDir), 'utf8'));
}

export interface FixtureEventOptions {
  service: string;
  data: Record<string, unknown>;
  metaData?: Record<string, unknown>;
  integrationId?: string;
  idempotencyKey?: string;
}

/** The fixture of `name` as a protocol event (a fresh delivery id each call). */
export function fixtureEvent(name: EventName, options: FixtureEventOptions): ServiceEvent {
  const envelope = {
    protocol: PROTOCOL_VERSION,
    event: name,
    delivery_id: randomUUID(),
    idempotency_key: options.idempotencyKey ?? randomUUID(),
    sent_at: new Date().toISOString(),
    integration: {
      id: options.integrationId ?? 'integration-1',
      service: options.service,
      data: options.data,
      meta_data: options.metaData ?? {},
    },
  };
  if (name === 'installed') return serviceEventSchema.parse(envelope);
  const payload = fixturePayload(name);
  if (name === 'webhook') {
    return serviceEventSchema.parse({
      ...envelope,
      webhook: { headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) },
    });
  }
  const { event: _event, ...records } = payload;
  return serviceEventSchema.parse({ ...envelope, ...records });
}
