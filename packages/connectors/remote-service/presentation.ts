import type { ConnectorPresentation } from '@tandem/connector-kit';

/**
 * What the SPA shows about a remote service. `system` is cast: the contracts' system enum has no
 * `remote_service` yet (see README, "What does not map").
 */
export const presentation: ConnectorPresentation = {
  system: 'remote_service' as ConnectorPresentation['system'],
  displayName: 'Remote service',
  icon: { letter: 'S', tone: 'violet' },
  steps: [
    { id: 'name', title: 'Name', hint: 'What to call it' },
    { id: 'account', title: 'Service address', hint: 'Where the service listens' },
    { id: 'authorize', title: 'Connect', hint: 'The signing secret' },
    { id: 'mappings', title: 'Record mappings', hint: 'What records become' },
    { id: 'statuses', title: 'Status mapping', hint: 'Statuses that match' },
    { id: 'enable', title: 'Enable', hint: 'How changes travel' },
  ],
  name: {
    defaultName: 'Remote service',
    intro:
      'Product managers see this name when they choose _Send to…_ on a feature, so name it after the tool the service writes to.',
    noTemplates:
      'No integration templates yet. Without one, you enter the service details in the next steps.',
  },
  account: {
    heading: 'Where does the service listen?',
    intro: 'Paste the address Tandem sends events to, for example {example}.',
    example: 'https://services.example.com/jira',
    label: 'Service URL',
    placeholder: 'https://services.example.com/my-service',
    hint: 'Starts with https://',
    lockedText:
      'This address is locked because the integration has already sent records. Create a new integration to use another service.',
  },
  authorize: {
    heading: 'Connect Tandem to the service',
    intro:
      'Tandem signs every event it sends to **{account}** with a secret the service also knows. Paste it here; Tandem sends `installed` to check it.',
    accountFallback: 'the service',
    secret: {
      kind: 'api_key',
      summary: 'Use a signing secret',
      help: 'The secret the service verifies signatures with (16 characters or more).',
      label: 'Signing secret',
      button: 'Test connection',
    },
    connection: {
      connectedAs: 'Connected to {who}',
      unknownUser: 'the service',
      rejected: 'The service no longer accepts this secret',
      oauthHow: 'with a sign-in',
      secretHow: 'with a signing secret',
      secretLifetime: 'The secret works until it is changed on either side.',
      noExpiry: 'A signing secret does not expire.',
      endsSoon: 'The connection ends on {day}.',
      endsOn: 'The connection lasts until {day}.',
    },
    loadError: {
      title: 'Could not reach the service',
      unreachable: 'The service could not be reached.',
    },
  },
  containers: {
    list: {
      heading: 'Choose the service',
      intro: 'The services {user} offers.',
      searchLabel: 'Search services',
      listLabel: 'Services',
      loading: 'Loading services',
      noMatch: 'No service matches “{query}”.',
    },
    tree: {
      heading: 'Choose where records go',
      intro: 'Records sent to **{parent}**.',
      searchLabel: 'Search',
      listLabel: 'Containers',
      loading: 'Loading',
      noMatch: 'Nothing matches “{query}”.',
      childCount: { one: '1 child', other: '{count} children' },
    },
  },
  records: {
    heading: 'Decide what the service receives',
    intro:
      'Releases, features and their requirements are sent as the service’s events; a requirement always travels with its feature.',
  },
  statuses: {
    heading: 'Match Tandem statuses with the service’s',
    intro:
      'Each feature is sent with its workflow status; drag each of the service’s statuses next to the Tandem status that means the same thing.',
    defaultStateField: { byTypePrefix: {}, otherwise: 'workflow_status' },
  },
  enable: {
    intro: 'After a feature has been sent once, changes to it are sent as update events.',
    sendAuto:
      'Every change to a linked record is sent right away (text edits wait until five minutes after the last keystroke). The default.',
    importLegend: 'New records in the service',
    importAuto: 'Records the service reports from its webhooks appear in Tandem.',
    importNone: 'Only records sent from Tandem are kept in sync.',
    recommendation: 'We recommend **Approve outgoing changes** while you try a new service.',
    tryIt: 'Try it: open a feature on the {board} and choose _Send to {name}_.',
  },
  updates: { kind: 'webhooks' },
};
