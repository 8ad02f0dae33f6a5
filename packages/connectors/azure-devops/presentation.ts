import type { ConnectorPresentation } from '@tandem/connector-kit';

/**
 * What the SPA shows about Azure DevOps: the seed's order (organization → personal access token
 * with Test connection → project → area → work item types → states → enable) and its words.
 */
export const presentation: ConnectorPresentation = {
  system: 'azure_devops',
  displayName: 'Azure DevOps',
  icon: { letter: 'Az', tone: 'indigo' },
  steps: [
    { id: 'name', title: 'Name', hint: 'What to call it' },
    { id: 'account', title: 'Organization', hint: 'Your Azure DevOps organization' },
    { id: 'authorize', title: 'Personal access token', hint: 'Test connection' },
    { id: 'workspace', title: 'Project', hint: 'Where your team works' },
    { id: 'project', title: 'Area path', hint: 'Where work items are created' },
    { id: 'mappings', title: 'Work item types', hint: 'What records become' },
    { id: 'statuses', title: 'States', hint: 'States that match' },
    { id: 'enable', title: 'Enable', hint: 'How changes travel' },
  ],
  name: {
    defaultName: 'Azure DevOps',
    intro:
      'Product managers will see this name when they choose _Send to…_ on a feature, so name it after the team or the Azure DevOps project it sends to. If your account has an integration template, pick it to reuse its organization, token and mappings.',
    noTemplates:
      'No integration templates yet. Without one, you enter the Azure DevOps details in the next steps.',
  },
  account: {
    heading: 'Which Azure DevOps organization does your team use?',
    intro:
      'Enter the name of your Azure DevOps Services organization, or paste the address you open it with, for example {example}. Once this integration has sent or received anything, the organization can no longer change.',
    example: 'https://dev.azure.com/contoso',
    label: 'Organization',
    placeholder: 'contoso or https://dev.azure.com/contoso',
    hint: 'A name or a URL',
    lockedText:
      'This organization is locked because the integration has already sent or received work items. Linked records point at work items of this organization, so changing it would break their links. To use another organization, create a new integration.',
  },
  authorize: {
    heading: 'Connect Tandem to Azure DevOps',
    intro:
      'Tandem creates and updates work items in **{account}** with a personal access token. In Azure DevOps open your profile menu → _Security_ → _Personal access tokens_, add a token with the scopes _Project and team (read)_ and _Work items (read and write)_ — and _Service hooks (read and write)_ if Tandem should set up the updates subscription itself — and paste the token here.',
    accountFallback: 'your Azure DevOps organization',
    secret: {
      kind: 'pat',
      summary: 'Personal access token',
      help: 'Tandem tries the token before saving it and names any scope it is missing. It stores the token encrypted.',
      label: 'Personal access token',
      button: 'Test connection',
    },
    connection: {
      connectedAs: 'Connected to Azure DevOps as {who}',
      unknownUser: 'an Azure DevOps user',
      rejected: 'Azure DevOps no longer accepts this token',
      oauthHow: 'by signing in',
      secretHow: 'with a personal access token',
      secretLifetime:
        'Using a personal access token. It works until it expires or someone revokes it in Azure DevOps; add a new one here before then.',
      noExpiry: 'Azure DevOps does not tell Tandem when this token expires.',
      endsSoon: 'The token expires on {day}. Add a new one before then to keep syncing.',
      endsOn: 'The token lasts until {day}.',
    },
    loadError: {
      title: 'Could not load this list from Azure DevOps',
      unreachable: 'Azure DevOps could not be reached.',
    },
  },
  containers: {
    list: {
      heading: 'Choose the Azure DevOps project',
      intro:
        'One roadmap workspace is associated with one project. These are the projects {user} can see.',
      searchLabel: 'Search projects',
      listLabel: 'Azure DevOps projects',
      loading: 'Loading projects',
      noMatch: 'No project matches “{query}”.',
    },
    tree: {
      heading: 'Choose the area path',
      intro:
        'Features and requirements you send are created in this area of **{parent}**, and changes made to work items there come back to the roadmap.',
      searchLabel: 'Search area paths',
      listLabel: 'Area paths',
      loading: 'Loading area paths',
      noMatch: 'No area path matches “{query}”.',
      childCount: { one: '1 sub-area', other: '{count} sub-areas' },
      excludeChildUpdates: {
        label: 'Exclude sub-areas',
        help: [
          '**Left unticked** (the usual choice), a work item you sent stays linked — and keeps syncing — when someone in Azure DevOps moves it into a sub-area of this one.',
          '**Ticked**, moving a work item into a sub-area breaks its link: Tandem stops updating it and stops bringing its changes back.',
        ],
      },
    },
  },
  records: {
    heading: 'Choose the work item type of each record',
    intro:
      'Each row pairs a kind of roadmap record with an Azure DevOps work item type, for example a feature with a _Feature_ and a requirement with a _User Story_ under it. The suggestions follow the process your project uses (Agile, Scrum or Basic). To set an iteration path on new work items, give _Iteration Path_ a default value.',
  },
  statuses: {
    heading: 'Match Tandem statuses with Azure DevOps states',
    intro:
      'Each work item type has its own states. Drag each Azure DevOps state next to the Tandem status that means the same thing; several states can share one status (for example _Resolved_ and _Closed_ both meaning _Shipped_). States with the same name were matched for you. With the keyboard: focus a state, press Space, move with ↑ and ↓, press Space again — or use the ⇄ button beside it.',
    defaultStateField: { byTypePrefix: {}, otherwise: 'System.State' },
  },
  enable: {
    intro:
      'After a feature has been sent to Azure DevOps once, Tandem keeps both sides up to date: name, description and state changes made in Azure DevOps come back through a service-hook subscription Tandem sets up for the area. Decide whether changes made here go to Azure DevOps straight away or wait for someone to approve them.',
    sendAuto:
      'Every change to a linked record is sent to Azure DevOps right away (text edits wait until five minutes after the last keystroke). The default.',
    importLegend: 'New work items in Azure DevOps',
    importAuto:
      'A work item someone creates in Azure DevOps under a linked parent (a user story under a linked feature) appears in Tandem by itself. The default.',
    importNone:
      'Only records sent from Tandem are kept in sync; new work items stay in Azure DevOps.',
    recommendation:
      'We recommend **Approve outgoing changes** with **Automatically import new records** while your team learns how the integration works: you see everything before it reaches Azure DevOps.',
    tryIt:
      'Try it: open a feature on the {board} and choose _Send to {name}_. The feature appears in your Azure DevOps project together with its requirements, and its link appears on the feature within a few seconds.',
  },
  updates: { kind: 'webhooks' },
};
