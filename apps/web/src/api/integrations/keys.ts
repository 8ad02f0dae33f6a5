/**
 * Query keys of integration data, general → specific under the workspace, so one invalidation of
 * `links(workspaceId)` refreshes every chip on screen.
 */
export const integrationKeys = {
  enabled: (workspaceId: string) => ['workspaces', workspaceId, 'integrations', 'enabled'] as const,
  log: (workspaceId: string, integrationId: string) =>
    ['workspaces', workspaceId, 'integrations', integrationId, 'log'] as const,
  links: (workspaceId: string) => ['workspaces', workspaceId, 'links'] as const,
  /** Every record of one kind at once (the board); under `links` so one invalidation reaches it. */
  overview: (workspaceId: string, recordType: string) =>
    ['workspaces', workspaceId, 'links', 'overview', recordType] as const,
  recordLinks: (workspaceId: string, recordType: string, recordId: string) =>
    ['workspaces', workspaceId, 'links', recordType, recordId] as const,
};
