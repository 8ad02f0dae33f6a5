/**
 * The record mappings the wizard proposes, by the process the chosen project uses (told by the
 * work item types it has): Agile Epic / Feature / User Story, Scrum Epic / Feature / Product
 * Backlog Item, Basic Epic / Issue / Task — initiative, feature, requirement. Without the types
 * (no project chosen yet) Agile's. Releases are not mapped by default: Azure DevOps plans them
 * as iteration paths, which a mapping sets as the `System.IterationPath` default. Parents travel
 * as `System.Parent` (a Hierarchy link); state comes from Azure DevOps (`from_remote`).
 */
import type { DefaultRecordMapping, RecordType } from '@tandem/connector-kit';

type Direction = DefaultRecordMapping['fields'][number]['direction'];
type Kind = DefaultRecordMapping['roadmapKind'];

const field = (roadmapField: string, remoteField: string, direction: Direction = 'both') => ({
  roadmapField,
  remoteField,
  direction,
});

export type Process = 'Agile' | 'Scrum' | 'Basic';

export const backlogTypes: Record<
  Process,
  { initiative: string; feature: string; requirement: string }
> = {
  Agile: { initiative: 'Epic', feature: 'Feature', requirement: 'User Story' },
  Scrum: { initiative: 'Epic', feature: 'Feature', requirement: 'Product Backlog Item' },
  Basic: { initiative: 'Epic', feature: 'Issue', requirement: 'Task' },
};

export function processOf(types: readonly RecordType[] | undefined): Process {
  const names = new Set((types ?? []).map((t) => t.id));
  if (names.has('Product Backlog Item')) return 'Scrum';
  if (names.has('Issue') && !names.has('User Story') && !names.has('Feature')) return 'Basic';
  return 'Agile';
}

function mapping(roadmapKind: Kind, remoteType: string, parentKind?: Kind): DefaultRecordMapping {
  return {
    roadmapKind,
    remoteType,
    enabled: true,
    fields: [
      field('name', 'System.Title'),
      field('description', 'System.Description'),
      field('status', 'System.State', 'from_remote'),
    ],
    links: parentKind ? [{ parentKind, remoteField: 'System.Parent', direction: 'both' }] : [],
    statusField: 'System.State',
    defaults: {},
  };
}

export function defaultRecordMappings(types?: readonly RecordType[]): DefaultRecordMapping[] {
  const backlog = backlogTypes[processOf(types)];
  return [
    mapping('initiative', backlog.initiative),
    mapping('feature', backlog.feature, 'initiative'),
    mapping('requirement', backlog.requirement, 'feature'),
  ];
}
