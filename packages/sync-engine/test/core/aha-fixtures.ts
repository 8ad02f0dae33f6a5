/**
 * Test-only adapters from the services library's event payloads (../shared/fixtures/aha-services)
 * to the core's plain values, so the core is exercised on the market leader's real shapes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntegrationLink, RemoteRecordSnapshot, RoadmapRecord } from '../../src/core/types.ts';
import { fields } from './builders.ts';

const dir = join(import.meta.dirname, '../../../../../shared/fixtures/aha-services');
export const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(dir, name), 'utf8'));

interface AhaIntegrationField {
  name: string;
  value: string;
  integration_id?: string;
}
interface AhaRequirement {
  id: string;
  reference_num: string;
  name: string;
  description: { body: string };
  integration_fields: AhaIntegrationField[];
}
interface AhaFeature {
  id: string;
  reference_num: string;
  name: string;
  position: number;
  score: number;
  description: { body: string };
  workflow_status: { id: string };
  integration_fields: AhaIntegrationField[];
  release: {
    id: string;
    reference_num: string;
    name: string;
    integration_fields: AhaIntegrationField[];
  };
  requirements: AhaRequirement[];
}

/** The release, the feature and its requirements of a `create_feature` / `update_feature` event. */
export function recordsFromFeatureEvent(event: { feature: AhaFeature }): RoadmapRecord[] {
  const f = event.feature;
  const base = { workspaceId: 'ws-prod', version: 1 };
  return [
    {
      ...base,
      kind: 'release',
      id: f.release.id,
      referenceNum: f.release.reference_num,
      fields: fields({ name: f.release.name }),
    },
    {
      ...base,
      kind: 'feature',
      id: f.id,
      referenceNum: f.reference_num,
      fields: fields({
        name: f.name,
        descriptionHtml: f.description.body,
        statusId: f.workflow_status.id,
        releaseId: f.release.id,
        score: f.score,
        rank: f.position,
      }),
    },
    ...f.requirements.map(
      (r, i): RoadmapRecord => ({
        ...base,
        kind: 'requirement',
        id: r.id,
        referenceNum: r.reference_num,
        fields: fields({
          name: r.name,
          descriptionHtml: r.description.body,
          parentFeatureId: f.id,
          rank: i,
        }),
      }),
    ),
  ];
}

/** The links of one integration, read from the integration fields; other integrations' are ignored. */
export function linksFromFeatureEvent(
  event: { feature: AhaFeature },
  integrationId: string,
): IntegrationLink[] {
  const f = event.feature;
  const holders = [
    { kind: 'release' as const, id: f.release.id, fields: f.release.integration_fields },
    { kind: 'feature' as const, id: f.id, fields: f.integration_fields },
    ...f.requirements.map((r) => ({
      kind: 'requirement' as const,
      id: r.id,
      fields: r.integration_fields,
    })),
  ];
  return holders.flatMap((h): IntegrationLink[] => {
    const own = h.fields.filter((x) => x.integration_id === integrationId);
    const get = (name: string) => own.find((x) => x.name === name)?.value ?? null;
    if (get('id') === null) return [];
    return [
      {
        integrationId,
        recordId: h.id,
        recordKind: h.kind,
        remoteId: get('id'),
        formattedId: get('formatted_id'),
        url: get('url'),
        ref: null,
        remoteType: null,
        lastSyncedSnapshot: null,
        pendingCreateToken: null,
      },
    ];
  });
}

interface PigeonAttribute {
  name: string;
  value: unknown;
}

/** A Rally webhook's `state`, flattened to name → value (references reduced to their name). */
export function remoteFromRallyWebhook(delivery: {
  message: {
    state: Record<string, PigeonAttribute>;
    changes: Record<string, PigeonAttribute>;
    object_type: string;
  };
}): { remote: RemoteRecordSnapshot; changed: string[] } {
  const values: Record<string, RemoteRecordSnapshot['fields'][string]> = {};
  for (const attr of Object.values(delivery.message.state)) {
    const v = attr.value;
    if (Array.isArray(v)) values[attr.name] = v.map((x: { name: string }) => x.name);
    else if (v !== null && typeof v === 'object')
      values[attr.name] = (v as { name: string | null }).name;
    else values[attr.name] = v as string | number | boolean | null;
  }
  return {
    remote: {
      id: String(values.ObjectID),
      formattedId: String(values.FormattedID),
      type: `PortfolioItem/${delivery.message.object_type}`,
      fields: values,
      version: String(values.VersionId),
    },
    changed: Object.values(delivery.message.changes).map((c) => c.name),
  };
}
