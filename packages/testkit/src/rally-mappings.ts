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
