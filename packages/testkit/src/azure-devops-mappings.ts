import type { RecordMapping } from '@tandem/contracts';
import type { StatusIdOf } from './rally-mappings.ts';

const fields = [
  { roadmapField: 'name', remoteField: 'System.Title', direction: 'both' },
  { roadmapField: 'description', remoteField: 'System.Description', direction: 'both' },
  { roadmapField: 'status', remoteField: 'System.State', direction: 'from_remote' },
] as const;

type Kind = 'feature' | 'requirement';

/**
 * Azure DevOps mappings for tests and demos that skip the wizard, on an Agile project (Roadmap
 * Demo): feature → Feature, requirement → User Story under it (`System.Parent`, a Hierarchy
 * link); states mapped by `statusId`, or not at all without it (the title still travels).
 */
export function azureDevOpsTwoWayMappings(statusId?: StatusIdOf): RecordMapping[] {
  const status = (kind: Kind, names: [string, string[]][]): RecordMapping['status'] =>
    statusId
      ? {
          remoteField: 'System.State',
          groups: names.map(([name, remoteStates]) => ({
            roadmapStatusId: statusId(kind, name),
            remoteStates,
          })),
        }
      : null;
  return [
    {
      roadmapKind: 'feature',
      remoteType: 'Feature',
      enabled: true,
      fields: statusId ? [...fields] : fields.slice(0, 2),
      links: [],
      status: status('feature', [
        ['Under consideration', ['New']],
        ['In development', ['Active']],
        ['Shipped', ['Resolved', 'Closed']],
      ]),
      defaults: {},
    },
    {
      roadmapKind: 'requirement',
      remoteType: 'User Story',
      enabled: true,
      fields: statusId ? [...fields] : fields.slice(0, 2),
      links: [{ parentKind: 'feature', remoteField: 'System.Parent', direction: 'both' }],
      status: status('requirement', [
        ['To do', ['New']],
        ['In progress', ['Active']],
        ['Done', ['Resolved', 'Closed']],
      ]),
      defaults: {},
    },
  ];
}
