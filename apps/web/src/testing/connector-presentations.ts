import type { ConnectorPresentation } from '@tandem/contracts';

/**
 * A made-up second system for tests: fewer wizard steps (no list step), a personal access token
 * instead of a sign-in page, other words everywhere. A screen that shows any of Rally's words
 * with this presentation has Rally hard-coded.
 */
export const trackerPresentation: ConnectorPresentation = {
  system: 'azure_devops',
  displayName: 'Tracker',
  icon: { letter: 'T', tone: 'violet' },
  steps: [
    { id: 'name', title: 'Name', hint: 'What to call it' },
    { id: 'account', title: 'Organization', hint: 'Your Tracker organization' },
    { id: 'authorize', title: 'Token', hint: 'Test the token' },
    { id: 'project', title: 'Area path', hint: 'Where work items go' },
    { id: 'mappings', title: 'Work item types', hint: 'What records become' },
    { id: 'statuses', title: 'States', hint: 'States that match' },
    { id: 'enable', title: 'Enable', hint: 'How changes travel' },
  ],
  name: {
    defaultName: 'Tracker',
    intro: 'Name it after the Tracker team it sends to.',
    noTemplates: 'No templates for Tracker yet.',
  },
  account: {
    heading: 'Which Tracker organization?',
    intro: 'Enter the organization name or its URL, for example {example}.',
    example: 'https://tracker.example/contoso',
    label: 'Organization',
    placeholder: 'contoso',
    hint: 'A name or a URL',
    lockedText: 'This organization is locked.',
  },
  authorize: {
    heading: 'Paste a Tracker token',
    intro: 'Tandem works in Tracker at **{account}** with a personal access token.',
    accountFallback: 'your organization',
    secret: {
      kind: 'pat',
      summary: 'Personal access token',
      help: 'Create a token with Work items (read and write).',
      label: 'Personal access token',
      button: 'Test connection',
    },
    connection: {
      connectedAs: 'Tracker accepts the token of {who}',
      unknownUser: 'someone',
      rejected: 'Tracker refuses this token',
      oauthHow: 'by signing in',
      secretHow: 'with a personal access token',
      secretLifetime: 'The token works until it expires or is revoked in Tracker.',
      noExpiry: 'No end date.',
      endsSoon: 'The token ends on {day}.',
      endsOn: 'The token lasts until {day}.',
    },
    loadError: {
      title: 'Tracker did not give this list',
      unreachable: 'Tracker is not answering.',
    },
  },
  containers: {
    list: {
      heading: 'Choose a Tracker project',
      intro: 'Projects {user} can see.',
      searchLabel: 'Search Tracker projects',
      listLabel: 'Tracker projects',
      loading: 'Loading Tracker projects',
      noMatch: 'No Tracker project matches “{query}”.',
    },
    tree: {
      heading: 'Choose the area path',
      intro: 'Work items are created under this area of **{parent}**.',
      searchLabel: 'Search area paths',
      listLabel: 'Area paths',
      loading: 'Loading area paths',
      noMatch: 'No area path matches “{query}”.',
      childCount: { one: '1 sub-area', other: '{count} sub-areas' },
    },
  },
  records: {
    heading: 'Pick the work item type of each record',
    intro: 'Each row pairs a roadmap record with a Tracker work item type.',
  },
  statuses: {
    heading: 'Match Tandem statuses with Tracker states',
    intro: 'Drag each Tracker state next to its Tandem status.',
    defaultStateField: { byTypePrefix: {}, otherwise: 'System.State' },
  },
  enable: {
    intro: 'Decide how changes travel to Tracker.',
    sendAuto: 'Changes go to Tracker right away.',
    importLegend: 'New work items in Tracker',
    importAuto: 'New work items under a linked parent come in.',
    importNone: 'New work items stay in Tracker.',
    recommendation: 'Start with **Approve outgoing changes**.',
    tryIt: 'Open the {board} and choose _Send to {name}_.',
  },
  updates: {
    kind: 'manual',
    title: 'Set up a service hook in Tracker',
    instructions: ['Copy the webhook URL.', 'Create a _Work item updated_ subscription with it.'],
  },
};
