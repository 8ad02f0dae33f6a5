import {
  type IntegrationConfig,
  outgoingRoadmapFields,
  type RecordRef,
  recordMappingFor,
  type SyncContext,
} from '../../core/index.ts';

/** Fields edited in the rich-text editor; their outgoing changes are debounced. */
const RICH_TEXT_FIELDS = ['description'] as const;

export function syncContextFor(config: IntegrationConfig, record: RecordRef): SyncContext {
  const mapping = recordMappingFor(config, record.kind);
  return {
    integrationId: config.id,
    record: { kind: record.kind, id: record.id },
    sendMode: config.sendMode,
    outgoingFields: mapping ? outgoingRoadmapFields(mapping, 'update') : [],
    richTextFields: [...RICH_TEXT_FIELDS],
  };
}

/** Jobs of one record for one integration run one at a time, in order. */
export function recordQueueName(integrationId: string, record: RecordRef): string {
  return `sync:${integrationId}:${record.id}`;
}
