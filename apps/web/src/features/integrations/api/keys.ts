/**
 * Query keys of the owner's integration screens, general → specific under the workspace's
 * `['workspaces', id, 'integrations']`, so one invalidation there also refreshes *Send to…* lists.
 */
export const integrationAdminKeys = {
  all: (workspaceId: string) => ['workspaces', workspaceId, 'integrations'] as const,
  list: (workspaceId: string) => ['workspaces', workspaceId, 'integrations', 'list'] as const,
  detail: (workspaceId: string, integrationId: string) =>
    ['workspaces', workspaceId, 'integrations', 'detail', integrationId] as const,
  /** What the connected remote user can see; changes when the connection or scope changes. */
  remote: (workspaceId: string, integrationId: string, what: string, arg = '') =>
    [
      'workspaces',
      workspaceId,
      'integrations',
      'detail',
      integrationId,
      'remote',
      what,
      arg,
    ] as const,
  mappingDefaults: (workspaceId: string, integrationId: string) =>
    [
      'workspaces',
      workspaceId,
      'integrations',
      'detail',
      integrationId,
      'mapping-defaults',
    ] as const,
  importCandidates: (workspaceId: string, integrationId: string) =>
    [
      'workspaces',
      workspaceId,
      'integrations',
      'detail',
      integrationId,
      'import-candidates',
    ] as const,
  templates: () => ['integration-templates'] as const,
};
