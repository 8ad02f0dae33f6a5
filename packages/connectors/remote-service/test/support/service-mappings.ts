/** Record mappings of an integration with a remote service (what the wizard's defaults make). */
import type { RecordMapping } from '@tandem/contracts';

type RoadmapField = RecordMapping['fields'][number]['roadmapField'];

const both = (roadmapField: RoadmapField, remoteField: string) => ({
  roadmapField,
  remoteField,
  direction: 'to_remote' as const,
});

export const SERVICE_MAPPINGS: RecordMapping[] = [
  {
    roadmapKind: 'release',
    remoteType: 'release',
    enabled: true,
    fields: [
      both('name', 'name'),
      both('startDate', 'start_date'),
      both('dueDate', 'release_date'),
    ],
    links: [],
    status: null,
    defaults: {},
  },
  {
    roadmapKind: 'feature',
    remoteType: 'feature',
    enabled: true,
    fields: [both('name', 'name'), both('description', 'description')],
    links: [{ parentKind: 'release', remoteField: 'release', direction: 'to_remote' }],
    status: null,
    defaults: {},
  },
  {
    roadmapKind: 'requirement',
    remoteType: 'requirement',
    enabled: true,
    fields: [both('name', 'name'), both('description', 'description')],
    links: [],
    status: null,
    defaults: {},
  },
];
