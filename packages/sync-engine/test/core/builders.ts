/** Plain-value builders for core tests. */
import type { RecordMapping } from '../../src/core/config.ts';
import { integrationConfigSchema } from '../../src/core/config.ts';
import type { SyncContext } from '../../src/core/lifecycle/model.ts';
import type {
  IntegrationLink,
  RemoteRef,
  RoadmapFields,
  RoadmapKind,
  RoadmapRecord,
  SyncSnapshot,
} from '../../src/core/types.ts';

export function fields(overrides: Partial<RoadmapFields> = {}): RoadmapFields {
  return {
    name: 'Untitled',
    descriptionHtml: '',
    statusId: null,
    releaseId: null,
    initiativeId: null,
    parentFeatureId: null,
    tags: [],
    score: null,
    rank: 0,
    startDate: null,
    dueDate: null,
    custom: {},
    ...overrides,
  };
}

export function record(
  kind: RoadmapKind,
  id: string,
  overrides: Partial<RoadmapFields> = {},
  workspaceId = 'ws-prod',
): RoadmapRecord {
  return {
    kind,
    id,
    workspaceId,
    referenceNum: id.toUpperCase(),
    fields: fields({ name: id, ...overrides }),
    version: 1,
  };
}

export function mapping(
  overrides: Partial<RecordMapping> & Pick<RecordMapping, 'roadmapKind' | 'remoteType'>,
): RecordMapping {
  return { enabled: true, fields: [], links: [], status: null, defaults: {}, ...overrides };
}

export const featureMapping = mapping({
  roadmapKind: 'feature',
  remoteType: 'PortfolioItem/Feature',
  fields: [
    { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
    { roadmapField: 'description', remoteField: 'Description', direction: 'both' },
    { roadmapField: 'status', remoteField: 'State', direction: 'from_remote' },
    { roadmapField: 'score', remoteField: 'PreliminaryEstimateValue', direction: 'to_remote' },
  ],
  links: [
    { parentKind: 'release', remoteField: 'Release', direction: 'both' },
    { parentKind: 'initiative', remoteField: 'Parent', direction: 'both' },
  ],
  status: {
    remoteField: 'State',
    groups: [
      { roadmapStatusId: 's-new', remoteStates: ['Discovering'] },
      { roadmapStatusId: 's-dev', remoteStates: ['Measuring', 'Developing'] },
    ],
  },
});

export const rallyConfig = integrationConfigSchema.parse({
  id: 'int-1',
  name: 'Rally',
  system: 'rally',
  workspaceId: 'ws-prod',
  templateId: 'tpl-1',
  scope: { remoteWorkspaceId: 'w1', projectId: 'p1' },
  recordMappings: [
    {
      roadmapKind: 'release',
      remoteType: 'Release',
      fields: [{ roadmapField: 'name', remoteField: 'Name', direction: 'to_remote' }],
    },
    featureMapping,
    {
      roadmapKind: 'requirement',
      remoteType: 'HierarchicalRequirement',
      fields: [{ roadmapField: 'name', remoteField: 'Name', direction: 'both' }],
      links: [{ parentKind: 'feature', remoteField: 'PortfolioItem' }],
    },
  ],
});

/** The integration from the same template in the strategy workspace, which maps initiatives. */
export const strategyConfig = integrationConfigSchema.parse({
  id: 'int-2',
  name: 'Rally (strategy)',
  system: 'rally',
  workspaceId: 'ws-strategy',
  templateId: 'tpl-1',
  scope: { remoteWorkspaceId: 'w1', projectId: 'p1' },
  recordMappings: [
    {
      roadmapKind: 'initiative',
      remoteType: 'PortfolioItem/Initiative',
      fields: [{ roadmapField: 'name', remoteField: 'Name', direction: 'to_remote' }],
    },
  ],
});

export function snapshot(
  roadmap: SyncSnapshot['roadmap'],
  remote: SyncSnapshot['remote'] = {},
): SyncSnapshot {
  return {
    roadmap,
    remote,
    roadmapVersion: 1,
    remoteVersion: null,
    syncedAt: '2026-01-01T00:00:00.000Z',
  };
}

export function link(
  integrationId: string,
  rec: { id: string; kind: RoadmapKind },
  remoteId: string | null,
  extra: Partial<IntegrationLink> = {},
): IntegrationLink {
  return {
    integrationId,
    recordId: rec.id,
    recordKind: rec.kind,
    remoteId,
    formattedId: remoteId === null ? null : `F${remoteId}`,
    url: null,
    ref: remoteId === null ? null : `/ref/${remoteId}`,
    remoteType: null,
    lastSyncedSnapshot: null,
    pendingCreateToken: null,
    ...extra,
  };
}

/** The sync context of feature f1 with integration int-1. */
export const ctx = (over: Partial<SyncContext> = {}): SyncContext => ({
  integrationId: 'int-1',
  record: { kind: 'feature', id: 'f1' },
  sendMode: 'auto',
  outgoingFields: ['name', 'description', 'release', 'score'],
  richTextFields: ['description'],
  ...over,
});
export const remote: RemoteRef = {
  remoteId: '900',
  formattedId: 'F900',
  url: 'https://rally/#/d/900',
  ref: '/portfolioitem/feature/900',
  remoteType: 'PortfolioItem/Feature',
};
