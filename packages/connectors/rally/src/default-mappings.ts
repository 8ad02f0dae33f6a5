/**
 * The record mappings the wizard proposes for a new Rally integration (what most teams use):
 * release → Release, initiative → PortfolioItem/Initiative, feature → PortfolioItem/Feature under
 * its initiative and in its release, requirement → user story under its feature. Status comes
 * from Rally (`from_remote`), as in the market leader's default; owners may change any direction.
 */
import type { DefaultRecordMapping } from '@tandem/connector-kit';

type Direction = DefaultRecordMapping['fields'][number]['direction'];

const text = (roadmapField: string, remoteField: string, direction: Direction = 'both') => ({
  roadmapField,
  remoteField,
  direction,
});

export function defaultRecordMappings(): DefaultRecordMapping[] {
  return [
    {
      roadmapKind: 'release',
      remoteType: 'Release',
      enabled: true,
      fields: [
        text('name', 'Name'),
        text('startDate', 'ReleaseStartDate'),
        text('dueDate', 'ReleaseDate'),
      ],
      links: [],
      // Rally's release states (Planning, Active, Accepted) are set by release managers there.
      statusField: null,
      defaults: { State: 'Planning' },
    },
    {
      roadmapKind: 'initiative',
      remoteType: 'PortfolioItem/Initiative',
      enabled: true,
      fields: [
        text('name', 'Name'),
        text('description', 'Description'),
        text('status', 'State', 'from_remote'),
      ],
      links: [],
      statusField: 'State',
      defaults: {},
    },
    {
      roadmapKind: 'feature',
      remoteType: 'PortfolioItem/Feature',
      enabled: true,
      fields: [
        text('name', 'Name'),
        text('description', 'Description'),
        text('status', 'State', 'from_remote'),
      ],
      links: [
        { parentKind: 'release', remoteField: 'Release', direction: 'both' },
        { parentKind: 'initiative', remoteField: 'Parent', direction: 'both' },
      ],
      statusField: 'State',
      defaults: {},
    },
    {
      roadmapKind: 'requirement',
      remoteType: 'HierarchicalRequirement',
      enabled: true,
      fields: [
        text('name', 'Name'),
        text('description', 'Description'),
        text('status', 'ScheduleState', 'from_remote'),
      ],
      links: [{ parentKind: 'feature', remoteField: 'PortfolioItem', direction: 'both' }],
      statusField: 'ScheduleState',
      // Rally requires a schedule state; a new story starts where Rally's own form starts it.
      defaults: { ScheduleState: 'Defined' },
    },
  ];
}
