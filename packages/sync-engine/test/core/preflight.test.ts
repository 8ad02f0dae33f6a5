import { describe, expect, it } from 'vitest';
import { integrationConfigSchema } from '../../src/core/config.ts';
import { preflight, type RemoteTypeDefinition } from '../../src/core/preflight.ts';

const remoteTypes: RemoteTypeDefinition[] = [
  {
    type: 'PortfolioItem/Feature',
    fields: [
      { name: 'Name', required: true },
      { name: 'Description', required: false },
      { name: 'Project', required: true, automatic: true },
      { name: 'FormattedID', required: true, readOnly: true },
      { name: 'State', required: false, allowedValues: ['Discovering', 'Developing', 'Done'] },
      { name: 'c_Risk', label: 'Risk', required: true, allowedValues: ['Low', 'High'] },
      { name: 'c_Team', label: 'Team', required: true },
      { name: 'Release', required: false },
    ],
  },
];

const config = (recordMappings: unknown[]) =>
  integrationConfigSchema.parse({
    id: 'int-1',
    name: 'Rally',
    system: 'rally',
    workspaceId: 'ws',
    scope: { remoteWorkspaceId: 'w', projectId: 'p' },
    recordMappings,
  });

const feature = (extra: object = {}) => ({
  roadmapKind: 'feature',
  remoteType: 'PortfolioItem/Feature',
  fields: [
    { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
    { roadmapField: 'status', remoteField: 'State', direction: 'from_remote' },
    {
      roadmapField: 'custom:risk',
      remoteField: 'c_Risk',
      direction: 'both',
      valueMap: [{ roadmap: 'low', remote: 'Low' }],
    },
  ],
  status: {
    remoteField: 'State',
    groups: [{ roadmapStatusId: 's-dev', remoteStates: ['Developing'] }],
  },
  defaults: { c_Team: 'Platform' },
  ...extra,
});

const codes = (r: ReturnType<typeof preflight>) =>
  r.issues.map((i) =>
    `${i.severity} ${i.code} ${'remoteField' in i ? i.remoteField : ''} ${'value' in i ? i.value : ''}`.trim(),
  );

describe('preflight', () => {
  it('catches a required remote field that is not mapped and has no default', () => {
    const report = preflight(config([feature({ defaults: {} })]), remoteTypes);
    expect(report.ok).toBe(false);
    const issue = report.issues.find((i) => i.code === 'required_unmapped');
    expect(issue).toMatchObject({ remoteField: 'c_Team', severity: 'error' });
    expect(issue?.message).toBe(
      'PortfolioItem/Feature requires "Team", but no feature field is mapped to it and it has no default',
    );
  });

  it('does not ask for fields the connector sets, read-only ones, or ones filled by a default', () => {
    const report = preflight(config([feature()]), remoteTypes, {
      statuses: {
        feature: [
          { id: 's-dev', name: 'In development' },
          { id: 's-done', name: 'Done' },
        ],
      },
      options: { feature: { 'custom:risk': ['low', 'high'] } },
    });
    expect(codes(report)).toEqual([
      'warning value_unmapped c_Risk high',
      'warning value_unmapped c_Risk High',
      'warning value_unmapped State Discovering',
      'warning value_unmapped State Done',
      'warning value_unmapped State s-done',
    ]);
    expect(report.ok).toBe(true);
  });

  it('reports mappings to fields, types and values that do not exist', () => {
    const report = preflight(
      config([
        feature({
          fields: [
            { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
            {
              roadmapField: 'custom:risk',
              remoteField: 'c_Risk',
              direction: 'to_remote',
              valueMap: [{ roadmap: 'low', remote: 'Lowish' }],
            },
            { roadmapField: 'score', remoteField: 'c_Scor', direction: 'to_remote' },
            { roadmapField: 'rank', remoteField: 'FormattedID', direction: 'to_remote' },
          ],
          links: [{ parentKind: 'release', remoteField: 'Releases' }],
        }),
        { roadmapKind: 'requirement', remoteType: 'UserStori' },
      ]),
      remoteTypes,
    );
    expect(codes(report)).toEqual([
      'error value_not_allowed c_Risk Lowish',
      'error field_missing c_Scor',
      'error read_only_target FormattedID',
      'error field_missing Releases',
      'warning value_unmapped State Discovering',
      'warning value_unmapped State Done',
      'error type_missing',
    ]);
  });

  it('warns when a record mapping has no status mapping', () => {
    const report = preflight(
      config([
        feature({
          status: null,
          fields: [{ roadmapField: 'name', remoteField: 'Name', direction: 'both' }],
        }),
      ]),
      remoteTypes,
    );
    expect(codes(report)).toEqual(['warning status_not_mapped', 'error required_unmapped c_Risk']);
  });
});
