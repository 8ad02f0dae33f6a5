/**
 * The seeded subscription: two workspaces, a three-level project tree in each, users with known
 * credentials, releases, iterations, portfolio item states, and a few artifacts. Object IDs and
 * UUIDs of the objects that appear in `shared/fixtures/rally` are the fixtures' own.
 */
import { ALL_TYPES, type TypeSpec } from './schema.ts';
import type { Store } from './store.ts';

/** Default API key of the seeded admin (override with the `adminApiKey` option / `SIM_RALLY_API_KEY`). */
export const DEFAULT_ADMIN_API_KEY = '_tandemRallySimAdminKey000000000000000000';

export interface SeededUser {
  oid: number;
  uuid: string;
  username: string;
  password: string;
  displayName: string;
  apiKey: string;
  /** Read-only API keys get HTTP 401 on writes. */
  apiKeyReadOnly: boolean;
  subscriptionAdmin: boolean;
}

export const SEEDED_USERS: readonly SeededUser[] = [
  {
    oid: 4000000001,
    uuid: 'ae784947-d29d-4cf4-8ed0-000000000301',
    username: 'pat.planner@acme.example',
    password: 'Planner-Pass-1',
    displayName: 'Pat Planner',
    apiKey: DEFAULT_ADMIN_API_KEY,
    apiKeyReadOnly: false,
    subscriptionAdmin: true,
  },
  {
    oid: 4000000003,
    uuid: 'ae784947-d29d-4cf4-8ed0-000000000303',
    username: 'dana.developer@acme.example',
    password: 'Developer-Pass-1',
    displayName: 'Dana Developer',
    apiKey: '_tandemRallySimDeveloperKey0000000000000',
    apiKeyReadOnly: false,
    subscriptionAdmin: false,
  },
  {
    oid: 4000000005,
    uuid: 'ae784947-d29d-4cf4-8ed0-000000000305',
    username: 'quinn.viewer@acme.example',
    password: 'Viewer-Pass-1',
    displayName: 'Quinn Viewer',
    apiKey: '_tandemRallySimReadOnlyKey00000000000000',
    apiKeyReadOnly: true,
    subscriptionAdmin: false,
  },
];

export const SEED_IDS = {
  subscription: 1000000001,
  subscriptionId: 4242,
  workspace: 2000000001,
  workspace2: 2000000002,
  projectRoot: 3000000001,
  projectAlpha: 3000000002,
  projectBeta: 3000000003,
  projectAlphaMobile: 3000000004,
  projectBetaPlatform: 3000000005,
  opsRoot: 3000000011,
  opsSre: 3000000012,
  opsOnCall: 3000000013,
  initiative: 5000000003,
  feature: 5000000012,
  featureStates: [6000000001, 6000000002, 6000000003, 6000000004],
  storyParent: 7000000101,
  storyChild: 7000000102,
  release: 8000000001,
  iteration: 8100000014,
  featureTypeDef: 9000000001,
  tagQ3: 9200000001,
  tagRoadmap: 9200000002,
} as const;

const T0 = '2025-06-01T12:00:00.000Z';
const PI_STATES = ['Discovering', 'Developing', 'Measuring', 'Done'];

function uuidFor(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(12, '0')}`;
}

/** Build TypeDefinition / AttributeDefinition / AllowedAttributeValue objects from the schema. */
function seedSchema(
  store: Store,
  ws: number,
  first: boolean,
  negative: { next: number },
): Map<string, number> {
  const typeDefs = new Map<string, number>();
  const base = first ? 9000000000 : 9000000100;
  const order: TypeSpec[] = [
    ...ALL_TYPES.filter((t) => t.typePath === 'PortfolioItem'),
    ...ALL_TYPES.filter((t) => t.typePath === 'PortfolioItem/Feature'),
    ...ALL_TYPES.filter(
      (t) => t.typePath !== 'PortfolioItem' && t.typePath !== 'PortfolioItem/Feature',
    ),
  ];
  order.forEach((t, i) => {
    const oid = base + i;
    const td = store.seed(
      'TypeDefinition',
      {
        Workspace: ws,
        Subscription: SEED_IDS.subscription,
        ElementName: t.elementName,
        Name: t.typePath === 'PortfolioItem' ? 'Portfolio Item' : t.elementName,
        DisplayName: t.typePath === 'PortfolioItem' ? 'Portfolio Item' : t.displayName,
        TypePath: t.typePath,
        IDPrefix: t.idPrefix ?? null,
        Ordinal: t.ordinal ?? -1,
        Abstract: Boolean(t.subtypes),
        Creatable: t.creatable && !t.subtypes,
        ReadOnly: !t.creatable,
        Queryable: true,
        Deletable: t.deletable,
        Restorable: Boolean(t.artifact && !t.subtypes),
        Parent: t.typePath.startsWith('PortfolioItem/')
          ? (typeDefs.get('PortfolioItem') ?? null)
          : null,
        CreationDate: T0,
      },
      { oid, uuid: uuidFor(`828a228c-2b1f-4f8f-a594`, oid - 9000000000 + (first ? 900 : 1900)) },
    );
    typeDefs.set(t.typePath, td.oid);
    for (const a of t.attrs) {
      if (a.hidden) continue;
      const adOid = negative.next--;
      store.seed(
        'AttributeDefinition',
        {
          Workspace: ws,
          Subscription: SEED_IDS.subscription,
          TypeDefinition: td.oid,
          ElementName: a.name,
          Name: a.display,
          AttributeType: a.type,
          SchemaType: a.type.toLowerCase(),
          Custom: Boolean(a.custom),
          Required: Boolean(a.required),
          ReadOnly: Boolean(a.readOnly),
          Filterable: a.type !== 'TEXT' && a.type !== 'BINARY_DATA',
          Hidden: false,
          Constrained: Boolean(a.allowed),
          MaxLength: a.maxLength ?? -1,
          MaxFractionalDigits: a.type === 'DECIMAL' || a.type === 'QUANTITY' ? 2 : -1,
          AllowedValueType: null,
          CreationDate: T0,
        },
        { oid: adOid },
      );
      const values =
        a.allowed ?? (a.name === 'State' && t.ordinal !== undefined ? PI_STATES : undefined);
      (values ?? []).forEach((v, idx) => {
        store.seed(
          'AllowedAttributeValue',
          {
            Workspace: ws,
            Subscription: SEED_IDS.subscription,
            AttributeDefinition: adOid,
            StringValue: v,
            LocalizedStringValue: v,
            ValueIndex: idx,
            CreationDate: T0,
          },
          { oid: negative.next-- },
        );
      });
    }
  });
  return typeDefs;
}

export interface SeedOptions {
  /** Extra generated stories per leaf project (for paging and benchmarks). */
  extraStoriesPerProject?: number;
}

export function seedStandard(store: Store, options: SeedOptions = {}): void {
  const S = SEED_IDS;
  const sub = { Subscription: S.subscription };
  store.seed(
    'Subscription',
    {
      Name: 'Acme Corp',
      SubscriptionID: S.subscriptionId,
      ExpirationDate: null,
      MaximumProjects: -1,
      Modules: 'Rally Portfolio Manager,Rally Quality Manager',
      ProjectHierarchyEnabled: true,
      CreationDate: '2019-03-04T15:15:19.513Z',
    },
    { oid: S.subscription, uuid: '5b1c2f0e-7a41-4c8e-9d7e-000000000001' },
  );
  store.seed(
    'Workspace',
    {
      ...sub,
      Name: 'Acme Product Development',
      State: 'Open',
      Owner: 4000000001,
      CreationDate: T0,
    },
    { oid: S.workspace, uuid: '3aeed7d9-d244-49f1-9c45-000000000101' },
  );
  store.seed(
    'Workspace',
    { ...sub, Name: 'Acme Operations', State: 'Open', Owner: 4000000001, CreationDate: T0 },
    { oid: S.workspace2, uuid: '3aeed7d9-d244-49f1-9c45-000000000102' },
  );

  const projects: Array<[number, string, number | null, number]> = [
    [S.projectRoot, 'Acme Portfolio', null, S.workspace],
    [S.projectAlpha, 'Team Alpha', S.projectRoot, S.workspace],
    [S.projectBeta, 'Team Beta', S.projectRoot, S.workspace],
    [S.projectAlphaMobile, 'Alpha Mobile', S.projectAlpha, S.workspace],
    [S.projectBetaPlatform, 'Beta Platform', S.projectBeta, S.workspace],
    [S.opsRoot, 'Operations', null, S.workspace2],
    [S.opsSre, 'SRE', S.opsRoot, S.workspace2],
    [S.opsOnCall, 'On-call', S.opsSre, S.workspace2],
  ];
  for (const [oid, name, parent, ws] of projects) {
    store.seed(
      'Project',
      {
        ...sub,
        Workspace: ws,
        Name: name,
        Parent: parent,
        State: 'Open',
        Owner: 4000000001,
        TeamMembers: SEEDED_USERS.map((u) => u.oid),
        CreationDate: T0,
      },
      { oid, uuid: uuidFor('9d1f6c2a-2b7e-4c55-9f4e', oid - 3000000000 + 200) },
    );
  }
  SEEDED_USERS.forEach((u, i) => {
    const [first, last] = u.displayName.split(' ');
    store.seed(
      'UserProfile',
      {
        ...sub,
        DefaultWorkspace: S.workspace,
        DefaultProject: S.projectRoot,
        TimeZone: 'UTC',
        CreationDate: T0,
      },
      { oid: u.oid + 1, uuid: uuidFor('ae784947-d29d-4cf4-8ed0', 302 + i * 2) },
    );
    store.seed(
      'User',
      {
        ...sub,
        UserName: u.username,
        EmailAddress: u.username,
        DisplayName: u.displayName,
        FirstName: first,
        LastName: last,
        Disabled: false,
        SubscriptionAdmin: u.subscriptionAdmin,
        UserProfile: u.oid + 1,
        CreationDate: '2019-03-04T15:20:00.000Z',
      },
      { oid: u.oid, uuid: u.uuid },
    );
  });

  const negative = { next: -10000 };
  const td1 = seedSchema(store, S.workspace, true, negative);
  const td2 = seedSchema(store, S.workspace2, false, negative);
  const stateIds: Record<string, number[]> = {};
  let stateOid = 6000000001;
  for (const [ws, tds, key] of [
    [S.workspace, td1, 'ws1'],
    [S.workspace2, td2, 'ws2'],
  ] as const) {
    for (const tp of ['PortfolioItem/Feature', 'PortfolioItem/Initiative']) {
      const ids: number[] = [];
      PI_STATES.forEach((name, i) => {
        const oid = stateOid++;
        store.seed(
          'State',
          {
            ...sub,
            Workspace: ws,
            Name: name,
            OrderIndex: i + 1,
            TypeDef: tds.get(tp),
            Enabled: true,
            WIPLimit: 0,
            CreationDate: T0,
          },
          { oid, uuid: uuidFor('1ce737ea-8ed6-4081-932c', oid - 6000000000 + 500) },
        );
        ids.push(oid);
      });
      stateIds[`${key}:${tp}`] = ids;
    }
  }
  const featureStates = stateIds['ws1:PortfolioItem/Feature'] ?? [];
  const initiativeStates = stateIds['ws1:PortfolioItem/Initiative'] ?? [];

  const ws1 = { ...sub, Workspace: S.workspace };
  store.seed(
    'Release',
    {
      ...ws1,
      Name: '2025.Q3',
      ReleaseStartDate: '2025-07-01T06:00:00.000Z',
      ReleaseDate: '2025-09-30T05:59:59.000Z',
      State: 'Planning',
      Project: S.projectAlpha,
      PlannedVelocity: 40,
      GrossEstimateConversionRatio: 1,
      CreationDate: '2025-05-20T10:00:00.000Z',
    },
    { oid: S.release, uuid: '382eb482-4aa5-4a40-a9c4-000000000701' },
  );
  store.seed(
    'Release',
    {
      ...ws1,
      Name: '2025.Q3',
      ReleaseStartDate: '2025-07-01T06:00:00.000Z',
      ReleaseDate: '2025-09-30T05:59:59.000Z',
      State: 'Planning',
      Project: S.projectBeta,
      PlannedVelocity: 30,
      CreationDate: '2025-05-20T10:00:00.000Z',
    },
    { oid: 8000000002, uuid: '382eb482-4aa5-4a40-a9c4-000000000702' },
  );
  store.seed(
    'Release',
    {
      ...ws1,
      Name: '2025.Q4',
      ReleaseStartDate: '2025-10-01T06:00:00.000Z',
      ReleaseDate: '2025-12-31T05:59:59.000Z',
      State: 'Planning',
      Project: S.projectAlpha,
      PlannedVelocity: 40,
      CreationDate: '2025-05-20T10:00:00.000Z',
    },
    { oid: 8000000003, uuid: '382eb482-4aa5-4a40-a9c4-000000000703' },
  );
  store.seed(
    'Release',
    {
      ...sub,
      Workspace: S.workspace2,
      Name: 'Ops 2025.2',
      ReleaseStartDate: '2025-07-01T00:00:00.000Z',
      ReleaseDate: '2025-12-31T00:00:00.000Z',
      State: 'Active',
      Project: S.opsSre,
      CreationDate: T0,
    },
    { oid: 8000000011, uuid: '382eb482-4aa5-4a40-a9c4-000000000711' },
  );
  store.seed(
    'Iteration',
    {
      ...ws1,
      Name: 'Sprint 14',
      StartDate: '2025-08-04T06:00:00.000Z',
      EndDate: '2025-08-15T05:59:59.000Z',
      State: 'Committed',
      Project: S.projectAlpha,
      CreationDate: T0,
    },
    { oid: S.iteration, uuid: 'a24d51ee-9232-4661-95a3-000000000801' },
  );
  store.seed(
    'Iteration',
    {
      ...ws1,
      Name: 'Sprint 15',
      StartDate: '2025-08-18T06:00:00.000Z',
      EndDate: '2025-08-29T05:59:59.000Z',
      State: 'Planning',
      Project: S.projectAlpha,
      CreationDate: T0,
    },
    { oid: 8100000015, uuid: 'a24d51ee-9232-4661-95a3-000000000802' },
  );
  store.seed(
    'Tag',
    { ...ws1, Name: 'q3-commit', CreationDate: T0 },
    { oid: S.tagQ3, uuid: '6fb07840-c71e-416e-8728-000000000b01' },
  );
  store.seed(
    'Tag',
    { ...ws1, Name: 'roadmap', CreationDate: T0 },
    { oid: S.tagRoadmap, uuid: '6fb07840-c71e-416e-8728-000000000b02' },
  );

  const pat = 4000000001;
  const dana = 4000000003;
  store.seed(
    'PortfolioItem/Initiative',
    {
      ...ws1,
      FormattedID: 'I3',
      Name: 'Self-service reporting',
      Description: '<p>Customers build their own reports.</p>',
      Project: S.projectRoot,
      Owner: pat,
      CreatedBy: pat,
      State: initiativeStates[1],
      PlannedStartDate: '2025-07-01T06:00:00.000Z',
      PlannedEndDate: '2025-12-31T06:00:00.000Z',
      CreationDate: '2025-05-28T10:00:00.000Z',
    },
    { oid: S.initiative, uuid: 'a75e6aba-670c-4954-8c34-000000000402' },
  );
  store.seed(
    'PortfolioItem/Initiative',
    {
      ...ws1,
      FormattedID: 'I4',
      Name: 'Mobile parity',
      Description: '',
      Project: S.projectRoot,
      Owner: pat,
      CreatedBy: pat,
      State: initiativeStates[0],
      CreationDate: '2025-05-28T10:00:00.000Z',
    },
    { oid: 5000000004, uuid: 'a75e6aba-670c-4954-8c34-000000000403' },
  );
  store.seed(
    'PortfolioItem/Feature',
    {
      ...ws1,
      FormattedID: 'F12',
      Name: 'Roadmap CSV export',
      Description: '<p>Let planners export the roadmap as CSV.</p>',
      Project: S.projectAlpha,
      Owner: pat,
      CreatedBy: pat,
      Parent: S.initiative,
      State: featureStates[0],
      PlannedStartDate: '2025-07-01T06:00:00.000Z',
      PlannedEndDate: '2025-09-30T06:00:00.000Z',
      Release: S.release,
      c_RoadmapId: 'RM-88',
      CreationDate: '2025-06-02T14:05:11.120Z',
    },
    { oid: S.feature, uuid: 'a75e6aba-670c-4954-8c34-000000000401' },
  );
  store.seed(
    'PortfolioItem/Feature',
    {
      ...ws1,
      FormattedID: 'F13',
      Name: 'Scheduled report e-mails',
      Description: '',
      Project: S.projectBeta,
      Owner: dana,
      CreatedBy: pat,
      Parent: S.initiative,
      State: featureStates[0],
      CreationDate: '2025-06-02T14:05:11.120Z',
    },
    { oid: 5000000013, uuid: 'a75e6aba-670c-4954-8c34-000000000404' },
  );
  store.seed(
    'PortfolioItem/Feature',
    {
      ...ws1,
      FormattedID: 'F14',
      Name: 'Offline mode',
      Description: '',
      Project: S.projectAlphaMobile,
      Owner: dana,
      CreatedBy: pat,
      Parent: 5000000004,
      State: null,
      CreationDate: '2025-06-02T14:05:11.120Z',
    },
    { oid: 5000000014, uuid: 'a75e6aba-670c-4954-8c34-000000000405' },
  );

  const story = (oid: number, fid: string, name: string, extra: Record<string, unknown>) =>
    store.seed(
      'HierarchicalRequirement',
      {
        ...ws1,
        FormattedID: fid,
        Name: name,
        Description: '<p>As a planner I can download the roadmap as CSV.</p>',
        Owner: pat,
        CreatedBy: pat,
        Project: S.projectAlpha,
        ScheduleState: 'Defined',
        CreationDate: '2025-06-03T09:12:40.551Z',
        ...extra,
      },
      { oid, uuid: uuidFor('b5742b37-cf95-4c73-9066', oid - 7000000000 + 500) },
    );
  story(S.storyParent, 'US101', 'Export roadmap to CSV', { PortfolioItem: S.feature });
  story(S.storyChild, 'US102', 'CSV column mapping', {
    Parent: S.storyParent,
    Iteration: S.iteration,
    Release: S.release,
    ScheduleState: 'In-Progress',
    PlanEstimate: 3,
    InProgressDate: '2025-08-05T13:20:00.123Z',
  });
  story(7000000103, 'US103', 'Schedule a weekly report', {
    Project: S.projectBeta,
    PortfolioItem: 5000000013,
    PlanEstimate: 5,
    Tags: [S.tagRoadmap],
  });
  story(7000000104, 'US104', 'Pick report recipients', {
    Project: S.projectBeta,
    PortfolioItem: 5000000013,
    PlanEstimate: 2,
    ScheduleState: 'Accepted',
    InProgressDate: '2025-07-10T15:00:00.000Z',
    AcceptedDate: '2025-07-21T10:30:00.000Z',
  });
  story(7000000105, 'US105', 'Sync roadmap while offline', {
    Project: S.projectAlphaMobile,
    PortfolioItem: 5000000014,
    PlanEstimate: 8,
    Owner: dana,
  });
  store.seed(
    'Defect',
    {
      ...ws1,
      FormattedID: 'DE7',
      Name: 'CSV export drops accents',
      Description: '<p>UTF-8 characters are lost.</p>',
      Project: S.projectAlpha,
      Owner: dana,
      CreatedBy: pat,
      Requirement: S.storyParent,
      State: 'Open',
      Severity: 'Minor Problem',
      Priority: 'Normal',
      ScheduleState: 'Defined',
      CreationDate: T0,
    },
    { oid: 7100000007, uuid: 'c1d2e3f4-0000-4000-8000-000000000707' },
  );
  store.seed(
    'Task',
    {
      ...ws1,
      FormattedID: 'TA21',
      Name: 'Write the CSV writer',
      Project: S.projectAlpha,
      Owner: dana,
      CreatedBy: pat,
      WorkProduct: S.storyChild,
      State: 'In-Progress',
      Estimate: 6,
      ToDo: 3,
      CreationDate: T0,
    },
    { oid: 7200000021, uuid: 'd1e2f3a4-0000-4000-8000-000000000921' },
  );
  store.seed(
    'Milestone',
    {
      ...ws1,
      FormattedID: 'MI1',
      Name: 'Reporting beta',
      TargetDate: '2025-09-15T06:00:00.000Z',
      TargetProject: S.projectRoot,
      CreationDate: T0,
    },
    { oid: 9300000001, uuid: 'e1f2a3b4-0000-4000-8000-000000000a01' },
  );

  const extra = options.extraStoriesPerProject ?? 0;
  let n = 200;
  for (const project of [S.projectAlphaMobile, S.projectBetaPlatform]) {
    for (let i = 0; i < extra; i++) {
      n++;
      store.seed('HierarchicalRequirement', {
        ...ws1,
        FormattedID: `US${n}`,
        Name: `Generated story ${n}`,
        Project: project,
        Owner: dana,
        CreatedBy: pat,
        ScheduleState: 'Defined',
        PlanEstimate: (n % 8) + 1,
        CreationDate: T0,
      });
    }
  }
  // Sequence counters continue after the seeded FormattedIDs.
  for (const [prefix, last] of [
    ['US', Math.max(200, n)],
    ['DE', 7],
    ['TA', 21],
    ['F', 14],
    ['I', 4],
    ['MI', 1],
  ] as const) {
    store.setCounter(S.workspace, prefix, last);
  }
  store.recomputeAll();
  store.recomputeAll();
}
