/** Release → release, feature → feature in its release, requirement → requirement under it. */
import type { DefaultRecordMapping } from '@tandem/connector-kit';

const pair = (roadmapField: string, remoteField: string) => ({
  roadmapField,
  remoteField,
  direction: 'to_remote' as const,
});

export function defaultRecordMappings(): DefaultRecordMapping[] {
  const described = [
    pair('name', 'name'),
    pair('description', 'description'),
    pair('status', 'workflow_status'),
  ];
  return [
    {
      roadmapKind: 'release',
      remoteType: 'release',
      enabled: true,
      fields: [
        pair('name', 'name'),
        pair('startDate', 'start_date'),
        pair('dueDate', 'release_date'),
      ],
      links: [],
      statusField: null,
      defaults: {},
    },
    {
      roadmapKind: 'feature',
      remoteType: 'feature',
      enabled: true,
      fields: described,
      links: [{ parentKind: 'release', remoteField: 'release', direction: 'to_remote' }],
      statusField: 'workflow_status',
      defaults: {},
    },
    {
      roadmapKind: 'requirement',
      remoteType: 'requirement',
      enabled: true,
      fields: described,
      links: [],
      statusField: 'workflow_status',
      defaults: {},
    },
  ];
}
