/** The demo roadmap: what a mobile team and its platform team plan for a year. */

export const APP_RELEASES = [
  {
    name: '2027.1 — Offline first',
    startDate: '2027-01-04',
    releaseDate: '2027-03-26',
    status: 'In progress',
  },
  {
    name: '2027.2 — Work together',
    startDate: '2027-04-05',
    releaseDate: '2027-06-25',
    status: 'Planned',
  },
  {
    name: '2027.3 — Insights',
    startDate: '2027-07-05',
    releaseDate: '2027-09-24',
    status: 'Planned',
  },
] as const;

export const PLT_RELEASES = [
  {
    name: 'Q1 2027 — Foundations',
    startDate: '2027-01-04',
    releaseDate: '2027-03-31',
    status: 'In progress',
  },
] as const;

export const PLT_INITIATIVES = [
  {
    key: 'reliability',
    name: 'Reliability you can feel',
    description:
      '<p>Crash-free sessions above <strong>99.8%</strong> on every platform, and a sync that never loses a change.</p><ul><li>Owner: Platform</li><li>Measured weekly in the reliability review</li></ul>',
    status: 'Active',
  },
  {
    key: 'enterprise',
    name: 'Enterprise ready',
    description:
      '<p>Everything a security review asks for: SSO, audit logs, data residency and admin controls.</p>',
    status: 'Proposed',
  },
  {
    key: 'devplatform',
    name: 'A platform teams build on',
    description:
      '<p>Public API, webhooks and an SDK so partners extend the product without us.</p>',
    status: 'Active',
  },
] as const;

type Segment = 'SMB' | 'Mid-market' | 'Enterprise';
type Req = [name: string, status: 'To do' | 'In progress' | 'Done' | "Won't do"];

export type DemoFeature = {
  name: string;
  /** Index into the workspace's scheduled releases, or 'parking' for the parking lot. */
  release: number | 'parking';
  status: string;
  why: string;
  tags: string[];
  score: number;
  segment: Segment;
  assignee: 'owner' | 'contributor' | null;
  initiative?: 'reliability' | 'enterprise' | 'devplatform';
  requirements: Req[];
};

const f = (
  name: string,
  release: DemoFeature['release'],
  status: string,
  why: string,
  tags: string[],
  score: number,
  segment: Segment,
  requirements: Req[],
  extra: Partial<Pick<DemoFeature, 'assignee' | 'initiative'>> = {},
): DemoFeature => ({
  name,
  release,
  status,
  why,
  tags,
  score,
  segment,
  requirements,
  assignee: extra.assignee ?? (score > 60 ? 'contributor' : null),
  ...(extra.initiative ? { initiative: extra.initiative } : {}),
});

export const APP_FEATURES: DemoFeature[] = [
  f(
    'Offline mode for the task list',
    0,
    'In development',
    'Field teams lose signal in basements and on trains; today the app shows a spinner and they give up.',
    ['offline', 'ios', 'android'],
    92,
    'Enterprise',
    [
      ['Cache the last 500 tasks on device', 'Done'],
      ['Queue edits made offline', 'In progress'],
      ['Show an offline banner', 'Done'],
      ['Replay the queue on reconnect', 'To do'],
    ],
    { initiative: 'reliability' },
  ),
  f(
    'Conflict resolution when two people edit offline',
    0,
    'In code review',
    'Two technicians editing the same job offline must not silently overwrite each other.',
    ['offline', 'sync'],
    88,
    'Enterprise',
    [
      ['Detect conflicting field edits', 'Done'],
      ['Side-by-side conflict sheet', 'In progress'],
    ],
    { initiative: 'reliability' },
  ),
  f(
    'Background sync with exponential backoff',
    0,
    'Ready to ship',
    'Sync drains batteries when the network flaps; back off and batch instead.',
    ['sync', 'performance'],
    74,
    'Mid-market',
    [
      ['Backoff up to 15 minutes', 'Done'],
      ['Batch uploads per 50 records', 'Done'],
    ],
    { initiative: 'reliability' },
  ),
  f(
    'Crash-free launch on low-memory Android devices',
    0,
    'Shipped',
    'Entry-level Android phones crash on cold start when the photo cache is large.',
    ['android', 'stability'],
    81,
    'SMB',
    [
      ['Lazy-load the photo cache', 'Done'],
      ['Add a memory-pressure test device', 'Done'],
    ],
    { initiative: 'reliability' },
  ),
  f(
    'Faster cold start (under 1.5 s)',
    0,
    'In development',
    'Cold start takes 3.2 s on a mid-range phone; reviews mention it weekly.',
    ['performance'],
    70,
    'SMB',
    [
      ['Defer analytics initialisation', 'Done'],
      ['Trim the launch bundle', 'In progress'],
      ['Measure on the device farm', 'To do'],
    ],
    { initiative: 'reliability' },
  ),
  f(
    'Photo attachments that upload later',
    0,
    'Ready to develop',
    'Photos taken offline are lost if the app is closed before upload.',
    ['offline', 'media'],
    66,
    'Mid-market',
    [
      ['Persist pending uploads', 'To do'],
      ['Retry with resumable uploads', 'To do'],
    ],
  ),
  f(
    'Sign in with Apple',
    0,
    'Shipped',
    'Required by App Review for apps that offer other social sign-in.',
    ['auth', 'ios'],
    55,
    'SMB',
    [['Apple sign-in button', 'Done']],
  ),
  f(
    'Biometric unlock',
    0,
    'Ready to ship',
    'Users re-enter passwords several times a day on shared devices.',
    ['auth', 'security'],
    61,
    'Enterprise',
    [
      ['Face ID / Touch ID', 'Done'],
      ['Android BiometricPrompt', 'Done'],
      ['Admin can require it', 'In progress'],
    ],
    { initiative: 'enterprise' },
  ),
  f(
    'Shared task lists',
    1,
    'Ready to develop',
    'Teams keep a spreadsheet next to the app because lists cannot be shared.',
    ['collaboration'],
    86,
    'Mid-market',
    [
      ['Invite by email', 'To do'],
      ['Roles: viewer and editor', 'To do'],
      ['Activity feed per list', 'To do'],
    ],
  ),
  f(
    'Comments and @mentions on tasks',
    1,
    'Ready to develop',
    'Discussions happen in chat and the context is lost.',
    ['collaboration', 'notifications'],
    79,
    'Mid-market',
    [
      ['Threaded comments', 'To do'],
      ['@mention with push notification', 'To do'],
    ],
  ),
  f(
    'Real-time presence on shared lists',
    1,
    'Under consideration',
    'Seeing who else is looking avoids duplicate work during dispatch.',
    ['collaboration', 'realtime'],
    48,
    'Mid-market',
    [['Avatars of viewers', 'To do']],
  ),
  f(
    'Assign tasks to teammates',
    1,
    'In development',
    'Dispatchers want to hand a job to a technician from their phone.',
    ['collaboration'],
    83,
    'SMB',
    [
      ['Assignee picker', 'Done'],
      ['Push the assignee', 'In progress'],
      ['My tasks filter', 'To do'],
    ],
  ),
  f(
    'Push notification preferences',
    1,
    'Ready to develop',
    'Too many notifications make people turn them all off.',
    ['notifications', 'settings'],
    52,
    'SMB',
    [
      ['Per-list notification switch', 'To do'],
      ['Quiet hours', 'To do'],
    ],
  ),
  f(
    'Single sign-on with SAML',
    1,
    'Under consideration',
    'Three enterprise deals are blocked on SSO in the security review.',
    ['auth', 'enterprise'],
    90,
    'Enterprise',
    [
      ['SAML 2.0 login', 'To do'],
      ['Just-in-time provisioning', 'To do'],
      ['Enforce SSO per workspace', 'To do'],
    ],
    { initiative: 'enterprise' },
  ),
  f(
    'Audit log for admins',
    1,
    'Under consideration',
    'Admins must show who changed what for compliance audits.',
    ['enterprise', 'security'],
    68,
    'Enterprise',
    [
      ['Log sign-ins and permission changes', 'To do'],
      ['Export as CSV', 'To do'],
    ],
    { initiative: 'enterprise' },
  ),
  f(
    'Recurring tasks',
    1,
    'Ready to develop',
    'Weekly inspections are re-created by hand every Monday.',
    ['tasks'],
    73,
    'SMB',
    [
      ['Daily, weekly, monthly rules', 'To do'],
      ['Skip holidays', 'To do'],
    ],
  ),
  f(
    'Home-screen widget',
    1,
    'Under consideration',
    "Today's tasks at a glance without opening the app.",
    ['ios', 'android'],
    44,
    'SMB',
    [['Small and medium widget sizes', 'To do']],
  ),
  f(
    'Team dashboard',
    2,
    'Under consideration',
    'Managers ask every Friday how many jobs were closed.',
    ['analytics'],
    77,
    'Mid-market',
    [
      ['Jobs closed per week', 'To do'],
      ['Overdue by assignee', 'To do'],
    ],
  ),
  f(
    'Export reports to PDF',
    2,
    'Under consideration',
    'Customers forward job reports to their own clients.',
    ['analytics', 'export'],
    58,
    'SMB',
    [['Branded PDF template', 'To do']],
  ),
  f(
    'Time tracking per task',
    2,
    'Under consideration',
    'Billing needs the hours spent on each job.',
    ['tasks', 'billing'],
    71,
    'Mid-market',
    [
      ['Start/stop timer', 'To do'],
      ['Manual correction', 'To do'],
      ['Weekly timesheet', 'To do'],
    ],
  ),
  f(
    'Usage analytics for workspace owners',
    2,
    'Under consideration',
    'Owners want to know whether their team actually adopted the app.',
    ['analytics'],
    50,
    'Enterprise',
    [['Active users per week', 'To do']],
  ),
  f(
    'Public API for tasks',
    2,
    'Under consideration',
    'Partners want to create tasks from their ERP.',
    ['api'],
    64,
    'Enterprise',
    [
      ['REST endpoints for tasks', 'To do'],
      ['Personal access tokens', 'To do'],
    ],
    { initiative: 'devplatform' },
  ),
  f(
    'Webhooks for task changes',
    2,
    'Under consideration',
    'Integrations poll every minute today.',
    ['api', 'integrations'],
    57,
    'Enterprise',
    [
      ['Signed webhook deliveries', 'To do'],
      ['Retry with backoff', 'To do'],
    ],
    { initiative: 'devplatform' },
  ),
  f(
    'Dark mode',
    'parking',
    'Under consideration',
    'Requested by night-shift crews; high delight, low business impact.',
    ['design'],
    38,
    'SMB',
    [
      ['Dark palette', 'To do'],
      ['Follow the system setting', 'To do'],
    ],
  ),
  f(
    'Apple Watch companion',
    'parking',
    'Under consideration',
    'Check off tasks with gloves on.',
    ['ios', 'wearables'],
    22,
    'SMB',
    [['Today list on the watch', 'To do']],
  ),
  f(
    'Voice notes on tasks',
    'parking',
    'Under consideration',
    'Technicians dictate faster than they type.',
    ['media'],
    35,
    'Mid-market',
    [
      ['Record and play back', 'To do'],
      ['Transcribe', 'To do'],
    ],
  ),
  f(
    'Map view of tasks',
    'parking',
    'Under consideration',
    'Plan the day by location instead of by list.',
    ['maps'],
    46,
    'Mid-market',
    [
      ['Pins per task', 'To do'],
      ['Route for the day', 'To do'],
    ],
  ),
  f(
    'Tablet layout',
    'parking',
    "Won't do",
    'Less than 2% of sessions are on tablets; revisit next year.',
    ['design', 'tablet'],
    12,
    'SMB',
    [['Two-pane layout', "Won't do"]],
  ),
  f(
    'In-app chat',
    'parking',
    "Won't do",
    'Customers already use Slack or Teams; we integrate instead.',
    ['collaboration'],
    18,
    'Mid-market',
    [['Decide on chat integrations', 'Done']],
  ),
  f(
    'Custom task fields',
    'parking',
    'Under consideration',
    'Every industry tracks something different on a job.',
    ['tasks', 'enterprise'],
    62,
    'Enterprise',
    [
      ['Text, number and list fields', 'To do'],
      ['Required fields per list', 'To do'],
    ],
  ),
];

export const PLT_FEATURES: DemoFeature[] = [
  f(
    'Sync service: idempotent writes',
    0,
    'In development',
    'Retries after a timeout create duplicate records today.',
    ['sync', 'backend'],
    91,
    'Enterprise',
    [
      ['Idempotency keys on every write', 'In progress'],
      ['Deduplicate on the server', 'To do'],
    ],
    { initiative: 'reliability' },
  ),
  f(
    'Crash reporting pipeline',
    0,
    'Shipped',
    'Crashes reach us days late through support tickets.',
    ['stability', 'observability'],
    76,
    'SMB',
    [
      ['Symbolicated stack traces', 'Done'],
      ['Alert above 0.2% crash rate', 'Done'],
    ],
    { initiative: 'reliability' },
  ),
  f(
    'SAML identity provider integration',
    'parking',
    'Under consideration',
    'Shared by every product that needs SSO.',
    ['auth', 'enterprise'],
    84,
    'Enterprise',
    [['Okta and Entra ID tested', 'To do']],
    { initiative: 'enterprise' },
  ),
  f(
    'API gateway with rate limits',
    'parking',
    'Ready to develop',
    'The public API needs quotas per token before it opens.',
    ['api', 'backend'],
    69,
    'Enterprise',
    [
      ['Per-token quotas', 'To do'],
      ['429 with Retry-After', 'To do'],
    ],
    { initiative: 'devplatform' },
  ),
];

/** A feature description the rich-text editor would produce. */
export function descriptionOf(feature: DemoFeature): string {
  const items = feature.requirements.map(([name]) => `<li>${name}</li>`).join('');
  return `<h3>Problem</h3><p>${feature.why}</p><h3>Scope</h3><ul>${items}</ul><p><em>Segment:</em> ${feature.segment}. Tracked in the weekly product review.</p>`;
}
