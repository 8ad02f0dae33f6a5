import { describe, expect, it } from 'vitest';
import { integrationConfigSchema } from '../../src/core/config.ts';

const base = {
  id: 'int-1',
  name: 'Rally',
  system: 'rally',
  workspaceId: 'ws',
  scope: { remoteWorkspaceId: 'w', projectId: 'p' },
};
const messages = (input: unknown) => {
  const r = integrationConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('integrationConfigSchema', () => {
  it('fills the defaults the wizard starts from', () => {
    const config = integrationConfigSchema.parse({
      ...base,
      recordMappings: [{ roadmapKind: 'feature', remoteType: 'PortfolioItem/Feature' }],
    });
    expect(config).toMatchObject({
      templateId: null,
      sendMode: 'auto',
      importNewRecords: true,
      scope: { excludeChildUpdates: false },
      recordMappings: [{ enabled: true, fields: [], links: [], status: null, defaults: {} }],
    });
  });

  it('rejects ambiguous mappings with a message at the offending path', () => {
    expect(
      messages({
        ...base,
        recordMappings: [
          {
            roadmapKind: 'feature',
            remoteType: 'PortfolioItem/Feature',
            fields: [
              { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
              { roadmapField: 'custom:title', remoteField: 'Name', direction: 'to_remote' },
              { roadmapField: 'description', remoteField: 'Notes', direction: 'from_remote' },
              { roadmapField: 'description', remoteField: 'Description', direction: 'set_once' },
              { roadmapField: 'status', remoteField: 'State', direction: 'from_remote' },
            ],
          },
          {
            roadmapKind: 'feature',
            remoteType: 'HierarchicalRequirement',
            status: {
              remoteField: 'ScheduleState',
              groups: [
                { roadmapStatusId: 's1', remoteStates: ['Defined'] },
                { roadmapStatusId: 's2', remoteStates: ['Defined'] },
              ],
            },
          },
        ],
      }),
    ).toEqual([
      'recordMappings.0.fields.1.remoteField: Remote field "Name" already receives "name"',
      'recordMappings.0.fields.3.roadmapField: Roadmap field "description" already receives "Notes"',
      'recordMappings.0.fields.4: Status is mapped but has no status mapping',
      'recordMappings.1.roadmapKind: Only one record mapping per roadmap kind; "feature" is mapped twice',
      'recordMappings.1.status.groups.1.remoteStates: Remote state "Defined" is already mapped to roadmap status s1',
    ]);
  });

  it('rejects unknown kinds, fields and directions', () => {
    expect(
      messages({
        ...base,
        recordMappings: [
          {
            roadmapKind: 'epic',
            remoteType: 'X',
            fields: [{ roadmapField: 'colour', remoteField: 'C', direction: 'sideways' }],
          },
        ],
      }).map((m) => m.split(':')[0]),
    ).toEqual([
      'recordMappings.0.roadmapKind',
      'recordMappings.0.fields.0.roadmapField',
      'recordMappings.0.fields.0.direction',
    ]);
  });
});
