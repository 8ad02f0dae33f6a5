/** The organisation's field catalogue: reference names, display names, types, read-only flags. */

export type FieldType =
  | 'string'
  | 'integer'
  | 'double'
  | 'dateTime'
  | 'html'
  | 'plainText'
  | 'treePath'
  | 'identity'
  | 'boolean';

export interface FieldDef {
  referenceName: string;
  name: string;
  type: FieldType;
  /** Set by the server; a patch may not write it (unless `bypassRules`, for the dates and people). */
  readOnly?: boolean;
  /** Values the field accepts everywhere it is used (a picklist). */
  allowedValues?: readonly (string | number)[];
  description?: string;
}

const f = (
  referenceName: string,
  name: string,
  type: FieldType,
  extra: Partial<FieldDef> = {},
): FieldDef => ({ referenceName, name, type, ...extra });

export const FIELDS: readonly FieldDef[] = [
  f('System.Id', 'ID', 'integer', { readOnly: true }),
  f('System.Rev', 'Rev', 'integer', { readOnly: true }),
  f('System.Title', 'Title', 'string'),
  f('System.Description', 'Description', 'html'),
  f('System.State', 'State', 'string'),
  f('System.Reason', 'Reason', 'string'),
  f('System.WorkItemType', 'Work Item Type', 'string', { readOnly: true }),
  f('System.TeamProject', 'Team Project', 'string', { readOnly: true }),
  f('System.AreaPath', 'Area Path', 'treePath'),
  f('System.IterationPath', 'Iteration Path', 'treePath'),
  f('System.AreaId', 'Area ID', 'integer', { readOnly: true }),
  f('System.IterationId', 'Iteration ID', 'integer', { readOnly: true }),
  f('System.AssignedTo', 'Assigned To', 'identity'),
  f('System.CreatedDate', 'Created Date', 'dateTime', { readOnly: true }),
  f('System.CreatedBy', 'Created By', 'identity', { readOnly: true }),
  f('System.ChangedDate', 'Changed Date', 'dateTime', { readOnly: true }),
  f('System.ChangedBy', 'Changed By', 'identity', { readOnly: true }),
  f('System.AuthorizedDate', 'Authorized Date', 'dateTime', { readOnly: true }),
  f('System.RevisedDate', 'Revised Date', 'dateTime', { readOnly: true }),
  f('System.Tags', 'Tags', 'plainText'),
  f('System.History', 'History', 'html'),
  f('System.CommentCount', 'Comment Count', 'integer', { readOnly: true }),
  f('System.BoardColumn', 'Board Column', 'string', { readOnly: true }),
  f('Microsoft.VSTS.Common.Priority', 'Priority', 'integer', { allowedValues: [1, 2, 3, 4] }),
  f('Microsoft.VSTS.Common.ValueArea', 'Value Area', 'string', {
    allowedValues: ['Architectural', 'Business'],
  }),
  f('Microsoft.VSTS.Common.StateChangeDate', 'State Change Date', 'dateTime', { readOnly: true }),
  f('Microsoft.VSTS.Common.ActivatedDate', 'Activated Date', 'dateTime', { readOnly: true }),
  f('Microsoft.VSTS.Common.ActivatedBy', 'Activated By', 'identity', { readOnly: true }),
  f('Microsoft.VSTS.Common.ResolvedDate', 'Resolved Date', 'dateTime', { readOnly: true }),
  f('Microsoft.VSTS.Common.ResolvedBy', 'Resolved By', 'identity', { readOnly: true }),
  f('Microsoft.VSTS.Common.ClosedDate', 'Closed Date', 'dateTime', { readOnly: true }),
  f('Microsoft.VSTS.Common.ClosedBy', 'Closed By', 'identity', { readOnly: true }),
  f('Microsoft.VSTS.Common.AcceptanceCriteria', 'Acceptance Criteria', 'html'),
  f('Microsoft.VSTS.Common.BusinessValue', 'Business Value', 'integer'),
  f('Microsoft.VSTS.Common.TimeCriticality', 'Time Criticality', 'double'),
  f('Microsoft.VSTS.Common.Severity', 'Severity', 'string', {
    allowedValues: ['1 - Critical', '2 - High', '3 - Medium', '4 - Low'],
  }),
  f('Microsoft.VSTS.TCM.ReproSteps', 'Repro Steps', 'html'),
  f('Microsoft.VSTS.Scheduling.StoryPoints', 'Story Points', 'double'),
  f('Microsoft.VSTS.Scheduling.Effort', 'Effort', 'double'),
  f('Microsoft.VSTS.Scheduling.StartDate', 'Start Date', 'dateTime'),
  f('Microsoft.VSTS.Scheduling.TargetDate', 'Target Date', 'dateTime'),
  f('Microsoft.VSTS.Scheduling.RemainingWork', 'Remaining Work', 'double'),
  f('Microsoft.VSTS.Scheduling.OriginalEstimate', 'Original Estimate', 'double'),
  f('Microsoft.VSTS.Scheduling.CompletedWork', 'Completed Work', 'double'),
  f('Custom.RiskLevel', 'Risk Level', 'string', {
    allowedValues: ['Low', 'Medium', 'High'],
    description: 'Compliance risk; required on Features and User Stories of the Compliance process',
  }),
  f('Custom.RoadmapId', 'Roadmap Id', 'string', {
    description: 'The id of the roadmap record this work item was sent from',
  }),
];

const byReference = new Map(FIELDS.map((d) => [d.referenceName.toLowerCase(), d]));
const byName = new Map(FIELDS.map((d) => [d.name.toLowerCase(), d]));

/** A field by reference name or display name (case-insensitive), as WIQL and the REST API allow. */
export function findField(nameOrRef: string): FieldDef | undefined {
  const key = nameOrRef.toLowerCase();
  return byReference.get(key) ?? byName.get(key);
}

/** Fields every work item type has (the "System" core). */
export const CORE_FIELDS = [
  'System.Id',
  'System.Rev',
  'System.Title',
  'System.State',
  'System.Reason',
  'System.WorkItemType',
  'System.TeamProject',
  'System.AreaPath',
  'System.IterationPath',
  'System.AreaId',
  'System.IterationId',
  'System.AssignedTo',
  'System.CreatedDate',
  'System.CreatedBy',
  'System.ChangedDate',
  'System.ChangedBy',
  'System.AuthorizedDate',
  'System.RevisedDate',
  'System.Tags',
  'System.History',
  'System.CommentCount',
  'System.BoardColumn',
  'Microsoft.VSTS.Common.StateChangeDate',
] as const;
