/**
 * The processes of the organisation: Agile, Scrum and Basic as Azure DevOps ships them, and one
 * inherited process with a required custom field. Types, states with their categories, fields,
 * required fields, default reasons and the transitions each type allows.
 */

export type StateCategory = 'Proposed' | 'InProgress' | 'Resolved' | 'Completed' | 'Removed';

export interface StateDef {
  name: string;
  color: string;
  category: StateCategory;
}

export interface WorkItemTypeDef {
  name: string;
  referenceName: string;
  description: string;
  color: string;
  icon: string;
  states: readonly StateDef[];
  /** Fields besides the core ones. */
  fields: readonly string[];
  /** Fields that must have a value on save (System.Title always does). */
  required: readonly string[];
  defaults: Readonly<Record<string, unknown>>;
  /** Reason given on create. */
  createReason: string;
  /** From-state → states it may move to. */
  transitions: Readonly<Record<string, readonly string[]>>;
}

export interface ProcessDef {
  id: string;
  name: string;
  description: string;
  /** The system process an inherited one derives from. */
  parentProcessTypeId: string | null;
  isDefault: boolean;
  types: readonly WorkItemTypeDef[];
}

const s = (name: string, color: string, category: StateCategory): StateDef => ({
  name,
  color,
  category,
});

const AGILE_STATES = [
  s('New', 'b2b2b2', 'Proposed'),
  s('Active', '007acc', 'InProgress'),
  s('Resolved', 'ff9d00', 'Resolved'),
  s('Closed', '339933', 'Completed'),
  s('Removed', 'ffffff', 'Removed'),
];
const AGILE_TASK_STATES = [
  s('New', 'b2b2b2', 'Proposed'),
  s('Active', '007acc', 'InProgress'),
  s('Closed', '339933', 'Completed'),
  s('Removed', 'ffffff', 'Removed'),
];
const AGILE_BUG_STATES = AGILE_STATES.slice(0, 4);
const SCRUM_STATES = [
  s('New', 'b2b2b2', 'Proposed'),
  s('Approved', '5688e0', 'Proposed'),
  s('Committed', '007acc', 'InProgress'),
  s('Done', '339933', 'Completed'),
  s('Removed', 'ffffff', 'Removed'),
];
const SCRUM_TASK_STATES = [
  s('To Do', 'b2b2b2', 'Proposed'),
  s('In Progress', '007acc', 'InProgress'),
  s('Done', '339933', 'Completed'),
  s('Removed', 'ffffff', 'Removed'),
];
const BASIC_STATES = [
  s('To Do', 'b2b2b2', 'Proposed'),
  s('Doing', '007acc', 'InProgress'),
  s('Done', '339933', 'Completed'),
];

/**
 * Every state may move to every other one, except that a removed item can only be brought back
 * to the first state (the rule the Agile and Scrum templates keep for `Removed`).
 */
function transitionsOf(
  states: readonly StateDef[],
  removedOnlyBackToFirst: boolean,
): Record<string, string[]> {
  const first = states[0]!.name;
  // A new work item may start in any state but a removed one.
  const out: Record<string, string[]> = {
    '': states.filter((x) => x.category !== 'Removed').map((x) => x.name),
  };
  for (const from of states) {
    out[from.name] =
      removedOnlyBackToFirst && from.category === 'Removed'
        ? [first]
        : states.filter((to) => to.name !== from.name).map((to) => to.name);
  }
  return out;
}

const PORTFOLIO_FIELDS = [
  'System.Description',
  'Microsoft.VSTS.Common.Priority',
  'Microsoft.VSTS.Common.ValueArea',
  'Microsoft.VSTS.Common.BusinessValue',
  'Microsoft.VSTS.Common.TimeCriticality',
  'Microsoft.VSTS.Scheduling.Effort',
  'Microsoft.VSTS.Scheduling.StartDate',
  'Microsoft.VSTS.Scheduling.TargetDate',
  'Microsoft.VSTS.Common.AcceptanceCriteria',
  'Microsoft.VSTS.Common.ActivatedDate',
  'Microsoft.VSTS.Common.ActivatedBy',
  'Microsoft.VSTS.Common.ResolvedDate',
  'Microsoft.VSTS.Common.ResolvedBy',
  'Microsoft.VSTS.Common.ClosedDate',
  'Microsoft.VSTS.Common.ClosedBy',
  'Custom.RoadmapId',
];
const STORY_FIELDS = [
  'System.Description',
  'Microsoft.VSTS.Common.Priority',
  'Microsoft.VSTS.Common.ValueArea',
  'Microsoft.VSTS.Common.AcceptanceCriteria',
  'Microsoft.VSTS.Scheduling.StoryPoints',
  'Microsoft.VSTS.Common.ActivatedDate',
  'Microsoft.VSTS.Common.ActivatedBy',
  'Microsoft.VSTS.Common.ResolvedDate',
  'Microsoft.VSTS.Common.ResolvedBy',
  'Microsoft.VSTS.Common.ClosedDate',
  'Microsoft.VSTS.Common.ClosedBy',
  'Custom.RoadmapId',
];
const TASK_FIELDS = [
  'System.Description',
  'Microsoft.VSTS.Common.Priority',
  'Microsoft.VSTS.Scheduling.RemainingWork',
  'Microsoft.VSTS.Scheduling.OriginalEstimate',
  'Microsoft.VSTS.Scheduling.CompletedWork',
  'Microsoft.VSTS.Common.ActivatedDate',
  'Microsoft.VSTS.Common.ActivatedBy',
  'Microsoft.VSTS.Common.ClosedDate',
  'Microsoft.VSTS.Common.ClosedBy',
];
const BUG_FIELDS = [
  'Microsoft.VSTS.TCM.ReproSteps',
  'Microsoft.VSTS.Common.Priority',
  'Microsoft.VSTS.Common.Severity',
  'Microsoft.VSTS.Scheduling.StoryPoints',
  'Microsoft.VSTS.Scheduling.Effort',
  'Microsoft.VSTS.Common.ActivatedDate',
  'Microsoft.VSTS.Common.ActivatedBy',
  'Microsoft.VSTS.Common.ResolvedDate',
  'Microsoft.VSTS.Common.ResolvedBy',
  'Microsoft.VSTS.Common.ClosedDate',
  'Microsoft.VSTS.Common.ClosedBy',
  'Custom.RoadmapId',
];

function type(
  name: string,
  ref: string,
  color: string,
  icon: string,
  states: readonly StateDef[],
  fields: readonly string[],
  createReason: string,
  extra: Partial<WorkItemTypeDef> = {},
  removedOnlyBackToFirst = true,
): WorkItemTypeDef {
  const defaults: Record<string, unknown> = {};
  if (fields.includes('Microsoft.VSTS.Common.Priority'))
    defaults['Microsoft.VSTS.Common.Priority'] = 2;
  if (fields.includes('Microsoft.VSTS.Common.ValueArea'))
    defaults['Microsoft.VSTS.Common.ValueArea'] = 'Business';
  if (fields.includes('Microsoft.VSTS.Common.Severity'))
    defaults['Microsoft.VSTS.Common.Severity'] = '3 - Medium';
  return {
    name,
    referenceName: `Microsoft.VSTS.WorkItemTypes.${ref}`,
    description: `${name} work item type`,
    color,
    icon,
    states,
    fields,
    required: [],
    defaults,
    createReason,
    transitions: transitionsOf(states, removedOnlyBackToFirst),
    ...extra,
  };
}

const agileTypes = [
  type('Epic', 'Epic', 'FF7B00', 'icon_crown', AGILE_STATES, PORTFOLIO_FIELDS, 'New epic'),
  type(
    'Feature',
    'Feature',
    '773B93',
    'icon_trophy',
    AGILE_STATES,
    PORTFOLIO_FIELDS,
    'New feature',
  ),
  type('User Story', 'UserStory', '009CCC', 'icon_book', AGILE_STATES, STORY_FIELDS, 'New'),
  type('Task', 'Task', 'F2CB1D', 'icon_clipboard', AGILE_TASK_STATES, TASK_FIELDS, 'New'),
  type('Bug', 'Bug', 'CC293D', 'icon_insect', AGILE_BUG_STATES, BUG_FIELDS, 'New'),
];

export const AGILE: ProcessDef = {
  id: 'adcc42ab-9882-485e-a3ed-7678f01f66bc',
  name: 'Agile',
  description:
    'This template is flexible and will work great for most teams using Agile planning methods.',
  parentProcessTypeId: null,
  isDefault: false,
  types: agileTypes,
};

export const SCRUM: ProcessDef = {
  id: '6b724908-ef14-45cf-84f8-768b5384da45',
  name: 'Scrum',
  description: 'This template is for teams who follow the Scrum framework.',
  parentProcessTypeId: null,
  isDefault: false,
  types: [
    type('Epic', 'Epic', 'FF7B00', 'icon_crown', SCRUM_STATES, PORTFOLIO_FIELDS, 'New epic'),
    type(
      'Feature',
      'Feature',
      '773B93',
      'icon_trophy',
      SCRUM_STATES,
      PORTFOLIO_FIELDS,
      'New feature',
    ),
    type(
      'Product Backlog Item',
      'ProductBacklogItem',
      '009CCC',
      'icon_list',
      SCRUM_STATES,
      [...STORY_FIELDS, 'Microsoft.VSTS.Scheduling.Effort'],
      'New backlog item',
    ),
    type('Task', 'Task', 'F2CB1D', 'icon_clipboard', SCRUM_TASK_STATES, TASK_FIELDS, 'New task'),
    type('Bug', 'Bug', 'CC293D', 'icon_insect', SCRUM_STATES, BUG_FIELDS, 'New defect reported'),
  ],
};

export const BASIC: ProcessDef = {
  id: 'b8a3a935-7e91-48b8-a94c-606d37c3e9f2',
  name: 'Basic',
  description: 'This template is flexible for any process and great for teams getting started.',
  parentProcessTypeId: null,
  isDefault: true,
  types: [
    type(
      'Epic',
      'Epic',
      'FF7B00',
      'icon_crown',
      BASIC_STATES,
      PORTFOLIO_FIELDS,
      'Added to backlog',
      {},
      false,
    ),
    type(
      'Issue',
      'Issue',
      '339947',
      'icon_clipboard_issue',
      BASIC_STATES,
      STORY_FIELDS,
      'Added to backlog',
      {},
      false,
    ),
    type(
      'Task',
      'Task',
      'F2CB1D',
      'icon_clipboard',
      BASIC_STATES,
      TASK_FIELDS,
      'Added to backlog',
      {},
      false,
    ),
  ],
};

/** Inherits Agile; Features and User Stories must carry a risk level. */
export const AGILE_COMPLIANCE: ProcessDef = {
  id: '2f1e7c4a-5b3d-4e8f-9a6b-0c1d2e3f4a5b',
  name: 'Agile Compliance',
  description: 'Agile with a required risk level on features and user stories.',
  parentProcessTypeId: AGILE.id,
  isDefault: false,
  types: agileTypes.map((t) =>
    t.name === 'Feature' || t.name === 'User Story'
      ? {
          ...t,
          referenceName: `AgileCompliance.${t.referenceName.split('.').pop()}`,
          fields: [...t.fields, 'Custom.RiskLevel'],
          required: ['Custom.RiskLevel'],
        }
      : t,
  ),
};

export const PROCESSES: readonly ProcessDef[] = [AGILE, SCRUM, BASIC, AGILE_COMPLIANCE];

export function processById(id: string): ProcessDef {
  const p = PROCESSES.find((x) => x.id === id);
  if (!p) throw new Error(`unknown process ${id}`);
  return p;
}

export function findType(process: ProcessDef, name: string): WorkItemTypeDef | undefined {
  const key = name.toLowerCase();
  return process.types.find(
    (t) => t.name.toLowerCase() === key || t.referenceName.toLowerCase() === key,
  );
}

/** The reason Azure DevOps fills in when the state changes without one. */
export function defaultReason(t: WorkItemTypeDef, from: string, to: string): string {
  const target = t.states.find((x) => x.name === to);
  const source = t.states.find((x) => x.name === from);
  if (source?.category === 'Completed' && target?.category !== 'Removed') return 'Reactivated';
  switch (target?.category) {
    case 'InProgress':
      return to === 'Active' ? 'Implementation started' : `Moved to state ${to}`;
    case 'Resolved':
      return 'Code complete and unit tests pass';
    case 'Completed':
      return to === 'Closed' ? 'Acceptance tests pass' : 'Work finished';
    case 'Removed':
      return 'Removed from the backlog';
    default:
      return `Moved to state ${to}`;
  }
}
