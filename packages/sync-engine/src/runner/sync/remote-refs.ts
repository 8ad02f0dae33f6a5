import type { RemoteRecord } from '@tandem/connector-kit';
import type {
  FieldValue,
  IntegrationLink,
  RemoteRecordSnapshot,
  RemoteRef,
} from '../../core/index.ts';

export function toRemoteRef(record: RemoteRecord): RemoteRef {
  return {
    remoteId: record.id,
    formattedId: record.formattedId,
    url: record.url,
    ref: null,
    remoteType: record.type,
  };
}

export function linkAsRemoteRef(link: IntegrationLink): RemoteRef | undefined {
  if (!link.remoteId || !link.remoteType) return undefined;
  return {
    remoteId: link.remoteId,
    formattedId: link.formattedId,
    url: link.url,
    ref: link.ref,
    remoteType: link.remoteType,
  };
}

/** The connector's record as the core compares it (remote values are plain JSON values). */
export function toRemoteSnapshot(record: RemoteRecord): RemoteRecordSnapshot {
  return {
    id: record.id,
    formattedId: record.formattedId,
    type: record.type,
    fields: record.fields as Record<string, FieldValue>,
    version: record.version,
  };
}
