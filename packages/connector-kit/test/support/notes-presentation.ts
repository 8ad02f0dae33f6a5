import type { ConnectorPresentation } from '../../src/port/model.ts';

/**
 * The test connector's words: a shorter wizard (no account or workspace step) with a token, so
 * the conformance suite sees a presentation that is not Rally's.
 */
export const notesPresentation: ConnectorPresentation = {
  system: 'azure_devops',
  displayName: 'Notes (test)',
  icon: { letter: 'N', tone: 'amber' },
  steps: [
    { id: 'name', title: 'Name', hint: 'What to call it' },
    { id: 'authorize', title: 'Token', hint: 'Paste a token' },
    { id: 'project', title: 'Notebook', hint: 'Where notes go' },
    { id: 'mappings', title: 'Record mappings', hint: 'What records become' },
    { id: 'statuses', title: 'Status mapping', hint: 'Statuses that match' },
    { id: 'enable', title: 'Enable', hint: 'How changes travel' },
  ],
  name: { defaultName: 'Notes', intro: 'Name it.', noTemplates: 'No templates.' },
  account: {
    heading: 'Which notes server?',
    intro: 'For example {example}.',
    example: 'https://notes.test',
    label: 'Notes URL',
    placeholder: 'https://notes.test',
    hint: 'Starts with https://',
    lockedText: 'Locked.',
  },
  authorize: {
    heading: 'Connect to Notes',
    intro: 'Paste a token for {account}.',
    accountFallback: 'your notes server',
    secret: {
      kind: 'pat',
      summary: 'Token',
      help: 'A token with write access.',
      label: 'Notes token',
      button: 'Test connection',
    },
    connection: {
      connectedAs: 'Connected to Notes as {who}',
      unknownUser: 'a Notes user',
      rejected: 'Notes no longer accepts this token',
      oauthHow: 'with a sign-in',
      secretHow: 'with a token',
      secretLifetime: 'The token works until it is revoked.',
      noExpiry: 'No end date.',
      endsSoon: 'Ends on {day}.',
      endsOn: 'Lasts until {day}.',
    },
    loadError: { title: 'Could not load this list from Notes', unreachable: 'Notes is down.' },
  },
  containers: {
    list: {
      heading: 'Choose a shelf',
      intro: 'Shelves {user} can see.',
      searchLabel: 'Search shelves',
      listLabel: 'Shelves',
      loading: 'Loading shelves',
      noMatch: 'No shelf matches “{query}”.',
    },
    tree: {
      heading: 'Choose a notebook',
      intro: 'Notebooks of {parent}.',
      searchLabel: 'Search notebooks',
      listLabel: 'Notebooks',
      loading: 'Loading notebooks',
      noMatch: 'No notebook matches “{query}”.',
      childCount: { one: '1 child notebook', other: '{count} child notebooks' },
    },
  },
  records: { heading: 'What each record becomes', intro: 'Pair records with notes.' },
  statuses: {
    heading: 'Match statuses',
    intro: 'Drag each state.',
    defaultStateField: { byTypePrefix: {}, otherwise: 'state' },
  },
  enable: {
    intro: 'How changes travel.',
    sendAuto: 'Sent right away.',
    importLegend: 'New notes',
    importAuto: 'Imported.',
    importNone: 'Not imported.',
    recommendation: 'Approve first.',
    tryIt: 'Open the {board} and choose _Send to {name}_.',
  },
  updates: { kind: 'manual', title: 'Set up a hook', instructions: ['Copy the URL.'] },
};
