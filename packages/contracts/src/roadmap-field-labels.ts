/** Roadmap field keys (as the sync engine names them) in the words users read. */
export const ROADMAP_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  description: 'Description',
  status: 'Status',
  release: 'Release',
  initiative: 'Initiative',
  parentFeature: 'Feature',
  tags: 'Tags',
  score: 'Score',
  rank: 'Rank',
  startDate: 'Start date',
  dueDate: 'Due date',
};
