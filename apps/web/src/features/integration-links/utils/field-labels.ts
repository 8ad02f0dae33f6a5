/** Roadmap field keys (as the sync engine names them) in the words the drawer uses. */
const LABELS: Record<string, string> = {
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

export function fieldLabel(key: string): string {
  return LABELS[key] ?? key.replace(/^custom:/, '');
}
