/**
 * Query keys of the roadmap, general → specific, so one invalidation reaches every list below it:
 * `['workspaces', id, 'features']` refreshes the board, the releases page counts and every drawer.
 */
export const roadmapKeys = {
  workspace: (workspaceId: string) => ['workspaces', workspaceId] as const,
  workflows: (workspaceId: string) => ['workspaces', workspaceId, 'workflows'] as const,
  releases: (workspaceId: string) => ['workspaces', workspaceId, 'releases'] as const,
  initiatives: (workspaceId: string) => ['workspaces', workspaceId, 'initiatives', 'all'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  customFields: (workspaceId: string) => ['workspaces', workspaceId, 'custom-fields'] as const,
  features: (workspaceId: string) => ['workspaces', workspaceId, 'features'] as const,
  featureLists: (workspaceId: string) => ['workspaces', workspaceId, 'features', 'list'] as const,
  featureList: (workspaceId: string, filters: Record<string, string | undefined>) =>
    ['workspaces', workspaceId, 'features', 'list', filters] as const,
  featureDetail: (workspaceId: string, featureId: string) =>
    ['workspaces', workspaceId, 'features', 'detail', featureId] as const,
  featureByReference: (workspaceId: string, referenceNum: string) =>
    ['workspaces', workspaceId, 'features', 'reference', referenceNum] as const,
};

export const workspacePath = (workspaceId: string) =>
  `/workspaces/${encodeURIComponent(workspaceId)}`;
