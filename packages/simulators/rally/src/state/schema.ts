/**
 * The simulated Rally schema: every type the simulator serves, with its attributes.
 * Validation, rendering, the query evaluator, TypeDefinition/AttributeDefinition objects and
 * webhook payloads are all derived from this one table.
 */

export type AttributeType =
  | 'STRING'
  | 'TEXT'
  | 'INTEGER'
  | 'DECIMAL'
  | 'BOOLEAN'
  | 'DATE'
  | 'QUANTITY'
  | 'RATING'
  | 'STATE'
  | 'OBJECT'
  | 'COLLECTION'
  | 'RAW'
  | 'BINARY_DATA';

export interface AttrDef {
  /** WSAPI element name, e.g. `ScheduleState`. */
  name: string;
  /** Display name, e.g. `Schedule State`. */
  display: string;
  type: AttributeType;
  required?: boolean;
  readOnly?: boolean;
  custom?: boolean;
  maxLength?: number;
  /** Allowed string values, in order (ordered comparisons in queries use this order). */
  allowed?: readonly string[];
  /** Default value on create. */
  default?: unknown;
  /** For OBJECT and COLLECTION: the type path of the referenced objects. */
  target?: string;
  /**
   * For a COLLECTION computed from the other side (e.g. `Children` from `Parent`): the attribute
   * on the target type that points back. Without it the collection is stored on this object.
   */
  inverse?: string;
  /** Hidden attributes are not rendered (internal bookkeeping). */
  hidden?: boolean;
  /** Quantity units in webhook payloads. */
  units?: 'Points' | 'Hours';
}

export interface TypeSpec {
  /** Official type path, e.g. `HierarchicalRequirement`, `PortfolioItem/Feature`. */
  typePath: string;
  /** ElementName, e.g. `Feature` for `PortfolioItem/Feature`. */
  elementName: string;
  displayName: string;
  /** Lower-case path segment(s) used in object refs. */
  refPath: string;
  /** FormattedID prefix. */
  idPrefix?: string;
  creatable: boolean;
  deletable: boolean;
  /** How queries are scoped. */
  scope: 'subscription' | 'workspace' | 'project';
  /** Whether the type carries a DragAndDropRank. */
  rankable?: boolean;
  /** Artifacts go to the recycle bin on delete; others are removed. */
  artifact?: boolean;
  /** Portfolio item level (0 = lowest). */
  ordinal?: number;
  /** Segment used in `/slm/#/detail/<segment>/<oid>` links. */
  detailPath: string;
  /** Webhook `object_type` / ObjectTypes name. */
  webhookName: string;
  attrs: AttrDef[];
  /** Abstract types list their concrete subtypes and cannot be created. */
  subtypes?: readonly string[];
}

const identity: AttrDef[] = [
  { name: 'ObjectID', display: 'Object ID', type: 'INTEGER', readOnly: true },
  { name: 'ObjectUUID', display: 'ObjectUUID', type: 'RAW', readOnly: true },
  { name: 'VersionId', display: 'VersionId', type: 'STRING', readOnly: true },
  { name: 'CreationDate', display: 'Creation Date', type: 'DATE', readOnly: true },
  {
    name: 'Subscription',
    display: 'Subscription',
    type: 'OBJECT',
    target: 'Subscription',
    readOnly: true,
  },
];

const inWorkspace: AttrDef[] = [
  ...identity,
  { name: 'Workspace', display: 'Workspace', type: 'OBJECT', target: 'Workspace' },
];

const textLimit = 32768;

const artifactCommon: AttrDef[] = [
  ...inWorkspace,
  { name: 'FormattedID', display: 'ID', type: 'STRING', readOnly: true, maxLength: 256 },
  {
    name: 'FormattedIDPrefix',
    display: 'Formatted ID Prefix',
    type: 'STRING',
    readOnly: true,
    maxLength: 256,
  },
  { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
  { name: 'Description', display: 'Description', type: 'TEXT', maxLength: textLimit, default: '' },
  { name: 'Notes', display: 'Notes', type: 'TEXT', maxLength: textLimit, default: '' },
  { name: 'Owner', display: 'Owner', type: 'OBJECT', target: 'User' },
  { name: 'CreatedBy', display: 'Created By', type: 'OBJECT', target: 'User', readOnly: true },
  { name: 'Project', display: 'Project', type: 'OBJECT', target: 'Project', required: true },
  { name: 'Tags', display: 'Tags', type: 'COLLECTION', target: 'Tag' },
  { name: 'Milestones', display: 'Milestones', type: 'COLLECTION', target: 'Milestone' },
  {
    name: 'Attachments',
    display: 'Attachments',
    type: 'COLLECTION',
    target: 'Attachment',
    inverse: 'Artifact',
  },
  { name: 'LastUpdateDate', display: 'Last Update Date', type: 'DATE', readOnly: true },
  { name: 'DragAndDropRank', display: 'Rank', type: 'STRING', readOnly: true },
  { name: 'Recycled', display: 'Recycled', type: 'BOOLEAN', readOnly: true, default: false },
  { name: 'Blocked', display: 'Blocked', type: 'BOOLEAN', default: false },
  { name: 'BlockedReason', display: 'Blocked Reason', type: 'STRING', maxLength: 256 },
  { name: 'Ready', display: 'Ready', type: 'BOOLEAN', default: false },
  { name: 'Expedite', display: 'Expedite', type: 'BOOLEAN', default: false },
];

export const SCHEDULE_STATES = ['Defined', 'In-Progress', 'Completed', 'Accepted'] as const;

const scheduled: AttrDef[] = [
  {
    name: 'ScheduleState',
    display: 'Schedule State',
    type: 'STATE',
    required: true,
    allowed: SCHEDULE_STATES,
    default: 'Defined',
  },
  {
    name: 'ScheduleStatePrefix',
    display: 'Schedule State Prefix',
    type: 'STRING',
    readOnly: true,
  },
  { name: 'PlanEstimate', display: 'Plan Estimate', type: 'QUANTITY', units: 'Points' },
  { name: 'Iteration', display: 'Iteration', type: 'OBJECT', target: 'Iteration' },
  { name: 'Release', display: 'Release', type: 'OBJECT', target: 'Release' },
  { name: 'AcceptedDate', display: 'Accepted Date', type: 'DATE', readOnly: true },
  { name: 'InProgressDate', display: 'In Progress Date', type: 'DATE', readOnly: true },
  {
    name: 'Tasks',
    display: 'Tasks',
    type: 'COLLECTION',
    target: 'Task',
    inverse: 'WorkProduct',
  },
  {
    name: 'TaskEstimateTotal',
    display: 'Task Estimate Total',
    type: 'QUANTITY',
    readOnly: true,
    units: 'Hours',
  },
  {
    name: 'TaskRemainingTotal',
    display: 'Task Remaining Total',
    type: 'QUANTITY',
    readOnly: true,
    units: 'Hours',
  },
  {
    name: 'TaskActualTotal',
    display: 'Task Actual Total',
    type: 'QUANTITY',
    readOnly: true,
    units: 'Hours',
  },
];

const roadmapId: AttrDef = {
  name: 'c_RoadmapId',
  display: 'Roadmap Id',
  type: 'STRING',
  custom: true,
  maxLength: 256,
};

export const INVESTMENT_CATEGORIES = ['None', 'Cross-Project', 'Maintenance', 'New Feature'];

const portfolioCommon: AttrDef[] = [
  ...artifactCommon,
  { name: 'State', display: 'State', type: 'STATE' },
  { name: 'PlannedStartDate', display: 'Planned Start Date', type: 'DATE' },
  { name: 'PlannedEndDate', display: 'Planned End Date', type: 'DATE' },
  { name: 'ActualStartDate', display: 'Actual Start Date', type: 'DATE', readOnly: true },
  { name: 'ActualEndDate', display: 'Actual End Date', type: 'DATE', readOnly: true },
  {
    name: 'InvestmentCategory',
    display: 'Investment Category',
    type: 'RATING',
    allowed: INVESTMENT_CATEGORIES,
    default: 'None',
  },
  {
    name: 'PortfolioItemType',
    display: 'Portfolio Item Type',
    type: 'OBJECT',
    target: 'TypeDefinition',
    readOnly: true,
  },
  { name: 'LeafStoryCount', display: 'Leaf Story Count', type: 'INTEGER', readOnly: true },
  {
    name: 'LeafStoryPlanEstimateTotal',
    display: 'Leaf Story Plan Estimate Total',
    type: 'QUANTITY',
    readOnly: true,
    units: 'Points',
  },
  {
    name: 'AcceptedLeafStoryCount',
    display: 'Accepted Leaf Story Count',
    type: 'INTEGER',
    readOnly: true,
  },
  {
    name: 'PercentDoneByStoryCount',
    display: 'Percent Done By Story Count',
    type: 'DECIMAL',
    readOnly: true,
  },
  {
    name: 'PercentDoneByStoryPlanEstimate',
    display: 'Percent Done By Story Plan Estimate',
    type: 'DECIMAL',
    readOnly: true,
  },
  {
    name: 'DirectChildrenCount',
    display: 'Direct Children Count',
    type: 'INTEGER',
    readOnly: true,
  },
  roadmapId,
];

const types: TypeSpec[] = [
  {
    typePath: 'Subscription',
    elementName: 'Subscription',
    displayName: 'Subscription',
    refPath: 'subscription',
    creatable: false,
    deletable: false,
    scope: 'subscription',
    detailPath: 'subscription',
    webhookName: 'Subscription',
    attrs: [
      ...identity.filter((a) => a.name !== 'Subscription'),
      { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
      { name: 'SubscriptionID', display: 'Subscription ID', type: 'INTEGER', readOnly: true },
      { name: 'ExpirationDate', display: 'Expiration Date', type: 'DATE', readOnly: true },
      { name: 'MaximumProjects', display: 'Maximum Projects', type: 'INTEGER', readOnly: true },
      { name: 'Modules', display: 'Modules', type: 'STRING', readOnly: true },
      {
        name: 'ProjectHierarchyEnabled',
        display: 'Project Hierarchy Enabled',
        type: 'BOOLEAN',
        readOnly: true,
      },
      {
        name: 'Workspaces',
        display: 'Workspaces',
        type: 'COLLECTION',
        target: 'Workspace',
        inverse: 'Subscription',
      },
    ],
  },
  {
    typePath: 'Workspace',
    elementName: 'Workspace',
    displayName: 'Workspace',
    refPath: 'workspace',
    creatable: false,
    deletable: false,
    scope: 'subscription',
    detailPath: 'workspace',
    webhookName: 'Workspace',
    attrs: [
      ...identity,
      { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
      { name: 'Description', display: 'Description', type: 'TEXT', default: '' },
      { name: 'State', display: 'State', type: 'RATING', allowed: ['Open', 'Closed'] },
      { name: 'Owner', display: 'Owner', type: 'OBJECT', target: 'User' },
      {
        name: 'Projects',
        display: 'Projects',
        type: 'COLLECTION',
        target: 'Project',
        inverse: 'Workspace',
      },
      {
        name: 'TypeDefinitions',
        display: 'Type Definitions',
        type: 'COLLECTION',
        target: 'TypeDefinition',
        inverse: 'Workspace',
      },
    ],
  },
  {
    typePath: 'Project',
    elementName: 'Project',
    displayName: 'Project',
    refPath: 'project',
    creatable: true,
    deletable: false,
    scope: 'workspace',
    detailPath: 'project',
    webhookName: 'Project',
    attrs: [
      ...inWorkspace,
      { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
      { name: 'Description', display: 'Description', type: 'TEXT', default: '' },
      {
        name: 'State',
        display: 'State',
        type: 'RATING',
        required: true,
        allowed: ['Open', 'Closed'],
        default: 'Open',
      },
      { name: 'Parent', display: 'Parent', type: 'OBJECT', target: 'Project' },
      {
        name: 'Children',
        display: 'Children',
        type: 'COLLECTION',
        target: 'Project',
        inverse: 'Parent',
      },
      { name: 'Owner', display: 'Owner', type: 'OBJECT', target: 'User' },
      { name: 'TeamMembers', display: 'Team Members', type: 'COLLECTION', target: 'User' },
      {
        name: 'Releases',
        display: 'Releases',
        type: 'COLLECTION',
        target: 'Release',
        inverse: 'Project',
      },
      {
        name: 'Iterations',
        display: 'Iterations',
        type: 'COLLECTION',
        target: 'Iteration',
        inverse: 'Project',
      },
    ],
  },
  {
    typePath: 'User',
    elementName: 'User',
    displayName: 'User',
    refPath: 'user',
    creatable: false,
    deletable: false,
    scope: 'subscription',
    detailPath: 'user',
    webhookName: 'User',
    attrs: [
      ...identity,
      { name: 'UserName', display: 'User Name', type: 'STRING', required: true },
      { name: 'EmailAddress', display: 'Email Address', type: 'STRING', required: true },
      { name: 'DisplayName', display: 'Display Name', type: 'STRING' },
      { name: 'FirstName', display: 'First Name', type: 'STRING' },
      { name: 'LastName', display: 'Last Name', type: 'STRING' },
      { name: 'Disabled', display: 'Disabled', type: 'BOOLEAN', default: false },
      { name: 'SubscriptionAdmin', display: 'Subscription Admin', type: 'BOOLEAN' },
      { name: 'UserProfile', display: 'User Profile', type: 'OBJECT', target: 'UserProfile' },
    ],
  },
  {
    typePath: 'UserProfile',
    elementName: 'UserProfile',
    displayName: 'User Profile',
    refPath: 'userprofile',
    creatable: false,
    deletable: false,
    scope: 'subscription',
    detailPath: 'userprofile',
    webhookName: 'UserProfile',
    attrs: [
      ...identity,
      {
        name: 'DefaultWorkspace',
        display: 'Default Workspace',
        type: 'OBJECT',
        target: 'Workspace',
      },
      { name: 'DefaultProject', display: 'Default Project', type: 'OBJECT', target: 'Project' },
      { name: 'TimeZone', display: 'Time Zone', type: 'STRING' },
    ],
  },
  {
    typePath: 'HierarchicalRequirement',
    elementName: 'HierarchicalRequirement',
    displayName: 'Hierarchical Requirement',
    refPath: 'hierarchicalrequirement',
    idPrefix: 'US',
    creatable: true,
    deletable: true,
    scope: 'project',
    rankable: true,
    artifact: true,
    detailPath: 'userstory',
    webhookName: 'HierarchicalRequirement',
    attrs: [
      ...artifactCommon,
      ...scheduled,
      { name: 'Parent', display: 'Parent', type: 'OBJECT', target: 'HierarchicalRequirement' },
      {
        name: 'PortfolioItem',
        display: 'Portfolio Item',
        type: 'OBJECT',
        target: 'PortfolioItem/Feature',
      },
      {
        name: 'Feature',
        display: 'Feature',
        type: 'OBJECT',
        target: 'PortfolioItem/Feature',
        readOnly: true,
      },
      {
        name: 'Children',
        display: 'Children',
        type: 'COLLECTION',
        target: 'HierarchicalRequirement',
        inverse: 'Parent',
      },
      {
        name: 'Defects',
        display: 'Defects',
        type: 'COLLECTION',
        target: 'Defect',
        inverse: 'Requirement',
      },
      {
        name: 'DirectChildrenCount',
        display: 'Direct Children Count',
        type: 'INTEGER',
        readOnly: true,
      },
      { name: 'HasParent', display: 'Has Parent', type: 'BOOLEAN', readOnly: true },
      roadmapId,
    ],
  },
  {
    typePath: 'Defect',
    elementName: 'Defect',
    displayName: 'Defect',
    refPath: 'defect',
    idPrefix: 'DE',
    creatable: true,
    deletable: true,
    scope: 'project',
    rankable: true,
    artifact: true,
    detailPath: 'defect',
    webhookName: 'Defect',
    attrs: [
      ...artifactCommon,
      ...scheduled,
      {
        name: 'State',
        display: 'State',
        type: 'RATING',
        required: true,
        allowed: ['Submitted', 'Open', 'Fixed', 'Closed'],
        default: 'Submitted',
      },
      {
        name: 'Severity',
        display: 'Severity',
        type: 'RATING',
        allowed: ['None', 'Crash/Data Loss', 'Major Problem', 'Minor Problem', 'Cosmetic'],
        default: 'None',
      },
      {
        name: 'Priority',
        display: 'Priority',
        type: 'RATING',
        allowed: ['None', 'Resolve Immediately', 'High Attention', 'Normal', 'Low'],
        default: 'None',
      },
      {
        name: 'Environment',
        display: 'Environment',
        type: 'RATING',
        allowed: ['None', 'Development', 'Test', 'Production'],
        default: 'None',
      },
      {
        name: 'Resolution',
        display: 'Resolution',
        type: 'RATING',
        allowed: [
          'None',
          'Architecture',
          'Code Change',
          'Configuration Change',
          'Duplicate',
          'Not a Defect',
        ],
        default: 'None',
      },
      {
        name: 'Requirement',
        display: 'User Story',
        type: 'OBJECT',
        target: 'HierarchicalRequirement',
      },
      { name: 'FoundInBuild', display: 'Found In', type: 'STRING', maxLength: 256 },
      { name: 'FixedInBuild', display: 'Fixed In', type: 'STRING', maxLength: 256 },
    ],
  },
  {
    typePath: 'Task',
    elementName: 'Task',
    displayName: 'Task',
    refPath: 'task',
    idPrefix: 'TA',
    creatable: true,
    deletable: true,
    scope: 'project',
    rankable: true,
    artifact: true,
    detailPath: 'task',
    webhookName: 'Task',
    attrs: [
      ...artifactCommon,
      {
        name: 'WorkProduct',
        display: 'Work Product',
        type: 'OBJECT',
        target: 'Artifact',
        required: true,
      },
      {
        name: 'State',
        display: 'State',
        type: 'STATE',
        required: true,
        allowed: ['Defined', 'In-Progress', 'Completed'],
        default: 'Defined',
      },
      { name: 'Estimate', display: 'Estimate', type: 'QUANTITY', units: 'Hours' },
      { name: 'ToDo', display: 'To Do', type: 'QUANTITY', units: 'Hours' },
      { name: 'Actuals', display: 'Actuals', type: 'QUANTITY', units: 'Hours' },
    ],
  },
  {
    typePath: 'PortfolioItem/Feature',
    elementName: 'Feature',
    displayName: 'Feature',
    refPath: 'portfolioitem/feature',
    idPrefix: 'F',
    creatable: true,
    deletable: true,
    scope: 'project',
    rankable: true,
    artifact: true,
    ordinal: 0,
    detailPath: 'portfolioitem/feature',
    webhookName: 'Feature',
    attrs: [
      ...portfolioCommon,
      {
        name: 'Parent',
        display: 'Parent',
        type: 'OBJECT',
        target: 'PortfolioItem/Initiative',
      },
      {
        name: 'Children',
        display: 'Children',
        type: 'COLLECTION',
        target: 'PortfolioItem',
        inverse: 'Parent',
      },
      {
        name: 'UserStories',
        display: 'User Stories',
        type: 'COLLECTION',
        target: 'HierarchicalRequirement',
        inverse: 'PortfolioItem',
      },
      { name: 'Release', display: 'Release', type: 'OBJECT', target: 'Release' },
    ],
  },
  {
    typePath: 'PortfolioItem/Initiative',
    elementName: 'Initiative',
    displayName: 'Initiative',
    refPath: 'portfolioitem/initiative',
    idPrefix: 'I',
    creatable: true,
    deletable: true,
    scope: 'project',
    rankable: true,
    artifact: true,
    ordinal: 1,
    detailPath: 'portfolioitem/initiative',
    webhookName: 'Initiative',
    attrs: [
      ...portfolioCommon,
      {
        name: 'Children',
        display: 'Children',
        type: 'COLLECTION',
        target: 'PortfolioItem/Feature',
        inverse: 'Parent',
      },
    ],
  },
  {
    typePath: 'Release',
    elementName: 'Release',
    displayName: 'Release',
    refPath: 'release',
    creatable: true,
    deletable: true,
    scope: 'project',
    detailPath: 'release',
    webhookName: 'Release',
    attrs: [
      ...inWorkspace,
      { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
      { name: 'ReleaseStartDate', display: 'Release Start Date', type: 'DATE', required: true },
      { name: 'ReleaseDate', display: 'Release Date', type: 'DATE', required: true },
      {
        name: 'State',
        display: 'State',
        type: 'RATING',
        required: true,
        allowed: ['Planning', 'Active', 'Accepted'],
        default: 'Planning',
      },
      { name: 'Project', display: 'Project', type: 'OBJECT', target: 'Project', required: true },
      { name: 'Theme', display: 'Theme', type: 'TEXT', default: '' },
      { name: 'Notes', display: 'Notes', type: 'TEXT', default: '' },
      { name: 'PlannedVelocity', display: 'Planned Velocity', type: 'QUANTITY', units: 'Points' },
      { name: 'Version', display: 'Version', type: 'STRING', maxLength: 256 },
      {
        name: 'GrossEstimateConversionRatio',
        display: 'Gross Estimate Conversion Ratio',
        type: 'DECIMAL',
        default: 1,
      },
    ],
  },
  {
    typePath: 'Iteration',
    elementName: 'Iteration',
    displayName: 'Iteration',
    refPath: 'iteration',
    creatable: true,
    deletable: true,
    scope: 'project',
    detailPath: 'iteration',
    webhookName: 'Iteration',
    attrs: [
      ...inWorkspace,
      { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
      { name: 'StartDate', display: 'Start Date', type: 'DATE', required: true },
      { name: 'EndDate', display: 'End Date', type: 'DATE', required: true },
      {
        name: 'State',
        display: 'State',
        type: 'RATING',
        required: true,
        allowed: ['Planning', 'Committed', 'Accepted'],
        default: 'Planning',
      },
      { name: 'Project', display: 'Project', type: 'OBJECT', target: 'Project', required: true },
      { name: 'PlannedVelocity', display: 'Planned Velocity', type: 'QUANTITY', units: 'Points' },
      { name: 'Theme', display: 'Theme', type: 'TEXT', default: '' },
      { name: 'Notes', display: 'Notes', type: 'TEXT', default: '' },
    ],
  },
  {
    typePath: 'State',
    elementName: 'State',
    displayName: 'State',
    refPath: 'state',
    creatable: false,
    deletable: false,
    scope: 'workspace',
    detailPath: 'state',
    webhookName: 'State',
    attrs: [
      ...inWorkspace,
      { name: 'Name', display: 'Name', type: 'STRING', required: true },
      { name: 'OrderIndex', display: 'Order Index', type: 'INTEGER' },
      { name: 'TypeDef', display: 'Type Def', type: 'OBJECT', target: 'TypeDefinition' },
      { name: 'Enabled', display: 'Enabled', type: 'BOOLEAN', default: true },
      { name: 'WIPLimit', display: 'WIP Limit', type: 'INTEGER', default: 0 },
      { name: 'Description', display: 'Description', type: 'TEXT', default: '' },
    ],
  },
  {
    typePath: 'Tag',
    elementName: 'Tag',
    displayName: 'Tag',
    refPath: 'tag',
    creatable: true,
    deletable: true,
    scope: 'workspace',
    detailPath: 'tag',
    webhookName: 'Tag',
    attrs: [
      ...inWorkspace,
      { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
      { name: 'Archived', display: 'Archived', type: 'BOOLEAN', default: false },
    ],
  },
  {
    typePath: 'Milestone',
    elementName: 'Milestone',
    displayName: 'Milestone',
    refPath: 'milestone',
    idPrefix: 'MI',
    creatable: true,
    deletable: true,
    scope: 'workspace',
    detailPath: 'milestone',
    webhookName: 'Milestone',
    attrs: [
      ...inWorkspace,
      { name: 'FormattedID', display: 'ID', type: 'STRING', readOnly: true },
      { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
      { name: 'TargetDate', display: 'Target Date', type: 'DATE' },
      { name: 'TargetProject', display: 'Target Project', type: 'OBJECT', target: 'Project' },
      { name: 'DisplayColor', display: 'Display Color', type: 'STRING' },
    ],
  },
  {
    typePath: 'Attachment',
    elementName: 'Attachment',
    displayName: 'Attachment',
    refPath: 'attachment',
    creatable: true,
    deletable: true,
    scope: 'workspace',
    detailPath: 'attachment',
    webhookName: 'Attachment',
    attrs: [
      ...inWorkspace,
      { name: 'Name', display: 'Name', type: 'STRING', required: true, maxLength: 256 },
      { name: 'Artifact', display: 'Artifact', type: 'OBJECT', target: 'Artifact', required: true },
      {
        name: 'Content',
        display: 'Content',
        type: 'OBJECT',
        target: 'AttachmentContent',
        required: true,
      },
      { name: 'ContentType', display: 'Content Type', type: 'STRING' },
      { name: 'Size', display: 'Size', type: 'INTEGER', required: true },
      { name: 'User', display: 'User', type: 'OBJECT', target: 'User' },
      { name: 'Description', display: 'Description', type: 'TEXT', default: '' },
    ],
  },
  {
    typePath: 'AttachmentContent',
    elementName: 'AttachmentContent',
    displayName: 'Attachment Content',
    refPath: 'attachmentcontent',
    creatable: true,
    deletable: true,
    scope: 'workspace',
    detailPath: 'attachmentcontent',
    webhookName: 'AttachmentContent',
    attrs: [
      ...inWorkspace,
      { name: 'Content', display: 'Content', type: 'BINARY_DATA', required: true },
    ],
  },
  {
    typePath: 'TypeDefinition',
    elementName: 'TypeDefinition',
    displayName: 'Type Definition',
    refPath: 'typedefinition',
    creatable: false,
    deletable: false,
    scope: 'workspace',
    detailPath: 'typedefinition',
    webhookName: 'TypeDefinition',
    attrs: [
      ...inWorkspace,
      { name: 'ElementName', display: 'Element Name', type: 'STRING' },
      { name: 'Name', display: 'Name', type: 'STRING' },
      { name: 'DisplayName', display: 'Display Name', type: 'STRING' },
      { name: 'TypePath', display: 'Type Path', type: 'STRING' },
      { name: 'IDPrefix', display: 'ID Prefix', type: 'STRING' },
      { name: 'Ordinal', display: 'Ordinal', type: 'INTEGER' },
      { name: 'Abstract', display: 'Abstract', type: 'BOOLEAN' },
      { name: 'Creatable', display: 'Creatable', type: 'BOOLEAN' },
      { name: 'ReadOnly', display: 'Read Only', type: 'BOOLEAN' },
      { name: 'Queryable', display: 'Queryable', type: 'BOOLEAN' },
      { name: 'Deletable', display: 'Deletable', type: 'BOOLEAN' },
      { name: 'Restorable', display: 'Restorable', type: 'BOOLEAN' },
      { name: 'Parent', display: 'Parent', type: 'OBJECT', target: 'TypeDefinition' },
      {
        name: 'Attributes',
        display: 'Attributes',
        type: 'COLLECTION',
        target: 'AttributeDefinition',
        inverse: 'TypeDefinition',
      },
    ],
  },
  {
    typePath: 'AttributeDefinition',
    elementName: 'AttributeDefinition',
    displayName: 'Attribute Definition',
    refPath: 'attributedefinition',
    creatable: false,
    deletable: false,
    scope: 'workspace',
    detailPath: 'attributedefinition',
    webhookName: 'AttributeDefinition',
    attrs: [
      ...inWorkspace,
      { name: 'ElementName', display: 'Element Name', type: 'STRING' },
      { name: 'Name', display: 'Name', type: 'STRING' },
      { name: 'AttributeType', display: 'Attribute Type', type: 'STRING' },
      { name: 'SchemaType', display: 'Schema Type', type: 'STRING' },
      { name: 'Custom', display: 'Custom', type: 'BOOLEAN' },
      { name: 'Required', display: 'Required', type: 'BOOLEAN' },
      { name: 'ReadOnly', display: 'Read Only', type: 'BOOLEAN' },
      { name: 'Filterable', display: 'Filterable', type: 'BOOLEAN' },
      { name: 'Hidden', display: 'Hidden', type: 'BOOLEAN' },
      { name: 'Constrained', display: 'Constrained', type: 'BOOLEAN' },
      { name: 'MaxLength', display: 'Max Length', type: 'INTEGER' },
      { name: 'MaxFractionalDigits', display: 'Max Fractional Digits', type: 'INTEGER' },
      {
        name: 'AllowedValueType',
        display: 'Allowed Value Type',
        type: 'OBJECT',
        target: 'TypeDefinition',
      },
      {
        name: 'AllowedValues',
        display: 'Allowed Values',
        type: 'COLLECTION',
        target: 'AllowedAttributeValue',
        inverse: 'AttributeDefinition',
      },
      {
        name: 'TypeDefinition',
        display: 'Type Definition',
        type: 'OBJECT',
        target: 'TypeDefinition',
        hidden: true,
      },
    ],
  },
  {
    typePath: 'AllowedAttributeValue',
    elementName: 'AllowedAttributeValue',
    displayName: 'Allowed Attribute Value',
    refPath: 'allowedattributevalue',
    creatable: false,
    deletable: false,
    scope: 'workspace',
    detailPath: 'allowedattributevalue',
    webhookName: 'AllowedAttributeValue',
    attrs: [
      ...inWorkspace,
      { name: 'StringValue', display: 'String Value', type: 'STRING' },
      { name: 'LocalizedStringValue', display: 'Localized String Value', type: 'STRING' },
      { name: 'ValueIndex', display: 'Value Index', type: 'INTEGER' },
      {
        name: 'AttributeDefinition',
        display: 'Attribute Definition',
        type: 'OBJECT',
        target: 'AttributeDefinition',
        hidden: true,
      },
    ],
  },
  {
    typePath: 'RecycleBinEntry',
    elementName: 'RecycleBinEntry',
    displayName: 'Recycle Bin Entry',
    refPath: 'recyclebinentry',
    creatable: false,
    deletable: true,
    scope: 'workspace',
    detailPath: 'recyclebinentry',
    webhookName: 'RecycleBinEntry',
    attrs: [
      ...inWorkspace,
      { name: 'Name', display: 'Name', type: 'STRING' },
      { name: 'ID', display: 'ID', type: 'STRING' },
      { name: 'Type', display: 'Type', type: 'STRING' },
      { name: 'DeletedBy', display: 'Deleted By', type: 'OBJECT', target: 'User' },
      { name: 'DeletionDate', display: 'Deletion Date', type: 'DATE' },
      { name: 'DeletedObject', display: 'Deleted Object', type: 'INTEGER', hidden: true },
    ],
  },
];

/** Abstract types: queryable, never creatable. Attributes are those common to all subtypes. */
const abstractTypes: TypeSpec[] = [
  {
    typePath: 'Artifact',
    elementName: 'Artifact',
    displayName: 'Artifact',
    refPath: 'artifact',
    creatable: false,
    deletable: false,
    scope: 'project',
    artifact: true,
    detailPath: 'artifact',
    webhookName: 'Artifact',
    attrs: artifactCommon,
    subtypes: [
      'HierarchicalRequirement',
      'Defect',
      'Task',
      'PortfolioItem/Feature',
      'PortfolioItem/Initiative',
    ],
  },
  {
    typePath: 'PortfolioItem',
    elementName: 'PortfolioItem',
    displayName: 'Portfolio Item',
    refPath: 'portfolioitem',
    creatable: false,
    deletable: false,
    scope: 'project',
    artifact: true,
    detailPath: 'portfolioitem',
    webhookName: 'PortfolioItem',
    attrs: portfolioCommon,
    subtypes: ['PortfolioItem/Feature', 'PortfolioItem/Initiative'],
  },
];

export const ALL_TYPES: readonly TypeSpec[] = [...types, ...abstractTypes];
export const CONCRETE_TYPES: readonly TypeSpec[] = types;

const byLower = new Map<string, TypeSpec>();
for (const t of ALL_TYPES) {
  byLower.set(t.typePath.toLowerCase(), t);
  byLower.set(t.refPath.toLowerCase(), t);
}
// Accepted aliases: plural query endpoints (Java toolkit) and PI element names used as body keys.
byLower.set('users', byLower.get('user')!);
byLower.set('subscriptions', byLower.get('subscription')!);
byLower.set('userstory', byLower.get('hierarchicalrequirement')!);
byLower.set('feature', byLower.get('portfolioitem/feature')!);
byLower.set('initiative', byLower.get('portfolioitem/initiative')!);

/** Look a type up by path, ref segment or alias, case-insensitively. */
export function findType(name: string): TypeSpec | undefined {
  return byLower.get(name.toLowerCase());
}

export function typeSpec(typePath: string): TypeSpec {
  const t = findType(typePath);
  if (!t) throw new Error(`unknown type ${typePath}`);
  return t;
}

const attrIndex = new Map<TypeSpec, Map<string, AttrDef>>();
for (const t of ALL_TYPES) {
  const m = new Map<string, AttrDef>();
  for (const a of t.attrs) m.set(a.name.toLowerCase(), a);
  attrIndex.set(t, m);
}

/** Find an attribute of a type by element name, case-insensitively. */
export function findAttr(t: TypeSpec, name: string): AttrDef | undefined {
  return attrIndex.get(t)?.get(name.toLowerCase());
}

/** Whether an object of concrete type `actual` may be referenced where `target` is expected. */
export function isAssignable(target: string, actual: string): boolean {
  if (target === actual) return true;
  const t = findType(target);
  return Boolean(t?.subtypes?.includes(actual));
}

/** Concrete types an abstract or concrete type stands for. */
export function concreteTypesOf(t: TypeSpec): string[] {
  return t.subtypes ? [...t.subtypes] : [t.typePath];
}
