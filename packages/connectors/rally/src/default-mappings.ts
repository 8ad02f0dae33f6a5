/**
 * The record mappings the wizard proposes for a new Rally integration (what most teams use):
 * release → Release, initiative → PortfolioItem/Initiative, feature → PortfolioItem/Feature under
 * its initiative and in its release, requirement → user story under its feature. Plain data in
 * the shape of the contracts' `RecordMapping`; the BFF adds each status mapping by matching the
 * workspace's workflow to the Rally states by name. Status comes from Rally (`from_remote`), as in
 * the market leader's default; owners may change any direction.
 */

type Direction = 'to_remote' | 'from_remote' | 'both' | 'set_once';
type Kind = 'release' | 'initiative' | 'feature' | 'requirement';

export interface DefaultRecordMapping {
  roadmapKind: Kind;
  remoteType: string;
  enabled: boolean;
  fields: { roadmapField: string; remoteField: string; direction: Direction }[];
  links: { parentKind: Kind; remoteField: string; direction: Direction }[];
  /** The Rally attribute holding the workflow state; `null`: statuses are not mapped. */
  statusField: string | null;
  defaults: Record<string, string>;
}

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
