import type { ConnectorPresentation } from '@tandem/connector-kit';

/** What the SPA shows about Rally: the wizard's steps and words, in the seed's plain language. */
export const presentation: ConnectorPresentation = {
  system: 'rally',
  displayName: 'Rally',
  icon: { letter: 'R', tone: 'sky' },
  steps: [
    { id: 'name', title: 'Name', hint: 'What to call it' },
    { id: 'account', title: 'Rally account', hint: 'Your Rally address' },
    { id: 'authorize', title: 'Connect', hint: 'Sign in to Rally' },
    { id: 'workspace', title: 'Rally workspace', hint: 'Where your teams work' },
    { id: 'project', title: 'Rally project', hint: 'Where work is sent' },
    { id: 'mappings', title: 'Record mappings', hint: 'What records become' },
    { id: 'statuses', title: 'Status mapping', hint: 'Statuses that match' },
    { id: 'enable', title: 'Enable', hint: 'How changes travel' },
  ],
  name: {
    defaultName: 'Rally',
    intro:
      'Product managers will see this name when they choose _Send to…_ on a feature, so name it after the team or the Rally project it sends to. If your account has an integration template, pick it to reuse its Rally address, connection and mappings.',
    noTemplates:
      'No integration templates yet. Without one, you enter the Rally details in the next steps.',
  },
  account: {
    heading: 'Which Rally site does your team use?',
    intro:
      'Paste the address you open Rally with in your browser, for example {example}. Tandem checks it and tidies it up. Choose carefully: once this integration has sent or received anything, the address can no longer change.',
    example: 'https://rally1.rallydev.com',
    label: 'Rally account URL',
    placeholder: 'https://rally1.rallydev.com',
    hint: 'Starts with https://',
    lockedText:
      'This address is locked because the integration has already sent or received records. Linked records point at this Rally site, so changing it would break their links. To use another site, create a new integration.',
  },
  authorize: {
    heading: 'Connect Tandem to Rally',
    intro:
      'Tandem creates and updates records in Rally as you. Pressing the button opens Rally’s sign-in page at **{account}**. Sign in there and allow access. If you are already signed in to Rally in this browser, you come straight back. Tandem stores the access it gets encrypted and renews it automatically.',
    accountFallback: 'your Rally site',
    oauth: {
      button: 'Connect to Rally',
      oauthErrors: {
        denied: {
          title: 'Rally was not connected',
          text: 'Access was not granted on Rally’s page (Deny was pressed, or the page was closed). Nothing changed; connect again when you are ready.',
        },
        state_mismatch: {
          title: 'That answer from Rally could not be trusted',
          text: 'It did not belong to the connection started on this page (perhaps an old tab or link). Nothing was changed; connect again to start over.',
        },
        expired: {
          title: 'The connection took too long',
          text: 'Signing in to Rally has to be finished within a few minutes. Nothing was changed; connect again to start over.',
        },
        exchange_failed: {
          title: 'Rally signed you in, but the connection could not be finished',
          text: 'Tandem could not get its access from Rally. Check the Rally account URL and try again; if it keeps failing, use an API key instead.',
        },
      },
      unknownError: {
        title: 'Rally was not connected',
        text: 'Something went wrong while connecting. Nothing was saved. Try again.',
      },
    },
    secret: {
      kind: 'api_key',
      summary: 'Use an API key instead',
      help: 'If your Rally site does not allow signing in from other tools, create an API key in Rally (your profile → API Keys) with full access and paste it here. Tandem tries it before saving it.',
      label: 'Rally API key',
      button: 'Connect with API key',
    },
    connection: {
      connectedAs: 'Connected to Rally as {who}',
      unknownUser: 'a Rally user',
      rejected: 'Rally no longer accepts this connection',
      oauthHow: 'with Rally’s sign-in',
      secretHow: 'with an API key',
      secretLifetime: 'Using an API key. It works until someone revokes it in Rally.',
      noExpiry:
        'Rally does not say when this permission ends. It stays valid while Tandem uses it: Tandem renews its access by itself, so there is nothing to do unless someone withdraws it in Rally.',
      endsSoon: 'Rally’s permission ends on {day}. Connect again before then to keep syncing.',
      endsOn:
        'Rally’s permission lasts until {day}. Tandem renews its access by itself until then; connect again before that day to keep syncing.',
    },
    loadError: {
      title: 'Could not load this list from Rally',
      unreachable: 'Rally could not be reached.',
    },
  },
  containers: {
    list: {
      heading: 'Choose a Rally workspace',
      intro:
        'In Rally, a workspace holds the projects of one part of your company. These are the workspaces {user} can see.',
      searchLabel: 'Search workspaces',
      listLabel: 'Rally workspaces',
      loading: 'Loading workspaces',
      noMatch: 'No workspace matches “{query}”.',
    },
    tree: {
      heading: 'Choose the Rally project',
      intro:
        'Features you send from this workspace are created in this project, and changes made there come back to the roadmap. These are the projects of **{parent}**.',
      searchLabel: 'Search projects',
      listLabel: 'Rally projects',
      loading: 'Loading projects',
      noMatch: 'No project matches “{query}”.',
      childCount: { one: '1 child project', other: '{count} child projects' },
      excludeChildUpdates: {
        label: 'Exclude child updates',
        help: [
          'Rally projects can have child projects. **Left unticked** (the usual choice), a record you sent stays linked — and keeps syncing — even when someone in Rally moves it into a child project of this one.',
          '**Ticked**, moving a record into a child project breaks its link: Tandem stops updating it and stops bringing its changes back.',
          'Want most child projects excluded but a few kept? Tick this, and create a separate integration for each child project to keep, from the same template. Records moved into those projects stay linked.',
        ],
      },
    },
  },
  records: {
    heading: 'Decide what each roadmap record becomes in Rally',
    intro:
      'Each row pairs a kind of roadmap record with a kind of Rally record, for example a feature with a Rally _Feature_. These suggestions are what most teams use; remove any you do not need or add your own.',
  },
  statuses: {
    heading: 'Match Tandem statuses with Rally states',
    intro:
      'When a record changes status on one side, the other side follows. Drag each Rally state next to the Tandem status that means the same thing; several Rally states can share one Tandem status (for example _Developing_ and _Measuring_ both meaning _In development_). States with the same name were matched for you. With the keyboard: focus a state, press Space, move with ↑ and ↓, press Space again — or use the ⇄ button beside it.',
    defaultStateField: { byTypePrefix: { portfolioitem: 'State' }, otherwise: 'ScheduleState' },
  },
  enable: {
    intro:
      'After a feature has been sent to Rally once, Tandem keeps both sides up to date. Decide whether changes made here go to Rally straight away or wait for someone to approve them, and whether new records created in Rally under a linked parent are brought in.',
    sendAuto:
      'Every change to a linked record is sent to Rally right away (text edits wait until five minutes after the last keystroke). The default.',
    importLegend: 'New records in Rally',
    importAuto:
      'A record someone creates in Rally under a linked parent (for example a story in a linked release) appears in Tandem by itself. The default.',
    importNone: 'Only records sent from Tandem are kept in sync; new Rally records stay in Rally.',
    recommendation:
      'We recommend **Approve outgoing changes** with **Automatically import new records** while your team learns how the integration works: you see everything before it reaches Rally, which prevents surprises travelling between the two tools.',
    tryIt:
      'Try it: open a feature on the {board} and choose _Send to {name}_. The link to the Rally record appears on the feature within a few seconds.',
  },
  updates: { kind: 'webhooks' },
};
