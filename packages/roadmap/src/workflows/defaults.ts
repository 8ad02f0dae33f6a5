import type { RecordType, StatusCategory } from '@tandem/contracts';

type StatusDefault = { name: string; category: StatusCategory; color: string };

/** The workflow a new workspace starts with; owners can adapt it later. */
export const DEFAULT_WORKFLOWS: Record<RecordType, { name: string; statuses: StatusDefault[] }> = {
  feature: {
    name: 'Feature workflow',
    statuses: [
      { name: 'Under consideration', category: 'not_started', color: '#94a3b8' },
      { name: 'Ready to develop', category: 'not_started', color: '#60a5fa' },
      { name: 'In development', category: 'in_progress', color: '#f59e0b' },
      { name: 'In code review', category: 'in_progress', color: '#a855f7' },
      { name: 'Ready to ship', category: 'in_progress', color: '#14b8a6' },
      { name: 'Shipped', category: 'done', color: '#22c55e' },
      { name: "Won't do", category: 'wont_do', color: '#64748b' },
    ],
  },
  requirement: {
    name: 'Requirement workflow',
    statuses: [
      { name: 'To do', category: 'not_started', color: '#94a3b8' },
      { name: 'In progress', category: 'in_progress', color: '#f59e0b' },
      { name: 'Done', category: 'done', color: '#22c55e' },
      { name: "Won't do", category: 'wont_do', color: '#64748b' },
    ],
  },
  release: {
    name: 'Release workflow',
    statuses: [
      { name: 'Planned', category: 'not_started', color: '#94a3b8' },
      { name: 'In progress', category: 'in_progress', color: '#f59e0b' },
      { name: 'Released', category: 'done', color: '#22c55e' },
      { name: 'Cancelled', category: 'wont_do', color: '#64748b' },
    ],
  },
  initiative: {
    name: 'Initiative workflow',
    statuses: [
      { name: 'Proposed', category: 'not_started', color: '#94a3b8' },
      { name: 'Active', category: 'in_progress', color: '#3b82f6' },
      { name: 'Achieved', category: 'done', color: '#22c55e' },
      { name: 'Abandoned', category: 'wont_do', color: '#64748b' },
    ],
  },
};
