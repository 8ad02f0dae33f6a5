import type { RecordMapping } from '@tandem/contracts';

/**
 * The smallest useful Rally mapping for tests and demos that skip the wizard: release → Release,
 * feature → PortfolioItem/Feature in its release, requirement → user story under its feature.
 * Statuses are not mapped (the wizard's defaults map them by name).
 */
export const RALLY_TEST_MAPPINGS: RecordMapping[] = [
  {
    roadmapKind: 'release',
    remoteType: 'Release',
    enabled: true,
    fields: [
      { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
      { roadmapField: 'startDate', remoteField: 'ReleaseStartDate', direction: 'both' },
      { roadmapField: 'dueDate', remoteField: 'ReleaseDate', direction: 'both' },
    ],
    links: [],
    status: null,
    defaults: { State: 'Planning' },
  },
  {
    roadmapKind: 'feature',
    remoteType: 'PortfolioItem/Feature',
    enabled: true,
    fields: [
      { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
      { roadmapField: 'description', remoteField: 'Description', direction: 'both' },
    ],
    links: [{ parentKind: 'release', remoteField: 'Release', direction: 'to_remote' }],
    status: null,
    defaults: {},
  },
  {
    roadmapKind: 'requirement',
    remoteType: 'HierarchicalRequirement',
    enabled: true,
    fields: [
      { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
      { roadmapField: 'description', remoteField: 'Description', direction: 'both' },
    ],
    links: [],
    status: null,
    defaults: {},
  },
];

/** A roadmap status id by record kind and status name (from the workspace's workflows). */
export type StatusIdOf = (kind: 'feature' | 'requirement', name: string) => string;

/**
 * Two-way Rally mappings: releases as above; feature State from Rally (Developing and Measuring
 * both mean In development), story ScheduleState from Rally, names and descriptions both ways,
 * features in their release and stories under their feature both ways (so new Rally records can
 * be imported).
 */
export function rallyTwoWayMappings(statusId: StatusIdOf): RecordMapping[] {
  return [
    RALLY_TEST_MAPPINGS[0]!,
    {
      roadmapKind: 'feature',
      remoteType: 'PortfolioItem/Feature',
      enabled: true,
      fields: [
        { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
        { roadmapField: 'description', remoteField: 'Description', direction: 'both' },
        { roadmapField: 'status', remoteField: 'State', direction: 'from_remote' },
      ],
      links: [{ parentKind: 'release', remoteField: 'Release', direction: 'both' }],
      status: {
        remoteField: 'State',
        groups: [
          {
            roadmapStatusId: statusId('feature', 'Under consideration'),
            remoteStates: ['Discovering'],
          },
          {
            roadmapStatusId: statusId('feature', 'In development'),
            remoteStates: ['Developing', 'Measuring'],
          },
          { roadmapStatusId: statusId('feature', 'Shipped'), remoteStates: ['Done'] },
        ],
      },
      defaults: {},
    },
    {
      roadmapKind: 'requirement',
      remoteType: 'HierarchicalRequirement',
      enabled: true,
      fields: [
        { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
        { roadmapField: 'description', remoteField: 'Description', direction: 'both' },
        { roadmapField: 'status', remoteField: 'ScheduleState', direction: 'from_remote' },
      ],
      links: [{ parentKind: 'feature', remoteField: 'PortfolioItem', direction: 'both' }],
      status: {
        remoteField: 'ScheduleState',
        groups: [
          { roadmapStatusId: statusId('requirement', 'To do'), remoteStates: ['Defined'] },
          {
            roadmapStatusId: statusId('requirement', 'In progress'),
            remoteStates: ['In-Progress'],
          },
          {
            roadmapStatusId: statusId('requirement', 'Done'),
            remoteStates: ['Completed', 'Accepted'],
          },
        ],
      },
      defaults: { ScheduleState: 'Defined' },
    },
  ];
}
