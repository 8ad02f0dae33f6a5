const integrationsBase = (workspaceKey: string) =>
  `/w/${encodeURIComponent(workspaceKey)}/settings/integrations`;

/** A wizard step's URL; `integrationId` is `new` until the name step has created it. */
const wizardStep = (step: string) => ({
  path: `/w/:workspaceKey/settings/integrations/:integrationId/wizard/${step}`,
  getHref: (workspaceKey: string, integrationId: string) =>
    `${integrationsBase(workspaceKey)}/${encodeURIComponent(integrationId)}/wizard/${step}`,
});

/**
 * Every route of the SPA, with the pattern the router matches and a `getHref` that builds a link.
 * Pages and tests build URLs only through these, so a route moves in one place.
 */
export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  auth: {
    login: {
      path: '/login',
      getHref: (next?: string | null) =>
        next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login',
    },
  },
  workspace: {
    root: {
      path: '/w/:workspaceKey',
      getHref: (workspaceKey: string) => `/w/${encodeURIComponent(workspaceKey)}`,
    },
    /** One integration's page (its summary and *More options*). */
    integration: {
      path: '/w/:workspaceKey/settings/integrations/:integrationId',
      getHref: (workspaceKey: string, integrationId: string) =>
        `${integrationsBase(workspaceKey)}/${encodeURIComponent(integrationId)}`,
    },
    /** The setup wizard; `wizardSteps` names each step's own URL (`new` before it is saved). */
    integrationWizard: {
      path: '/w/:workspaceKey/settings/integrations/:integrationId/wizard/:step',
      getHref: (workspaceKey: string, integrationId: string, step: string) =>
        `${integrationsBase(workspaceKey)}/${encodeURIComponent(integrationId)}/wizard/${step}`,
    },
    wizardSteps: {
      name: wizardStep('name'),
      account: wizardStep('account'),
      authorize: wizardStep('authorize'),
      workspace: wizardStep('workspace'),
      project: wizardStep('project'),
      mappings: wizardStep('mappings'),
      statuses: wizardStep('statuses'),
      enable: wizardStep('enable'),
    },
    integrationTemplates: {
      path: '/w/:workspaceKey/settings/integrations/templates',
      getHref: (workspaceKey: string) => `${integrationsBase(workspaceKey)}/templates`,
    },
    /** One template's page (its account and connection); OAuth answers for it return here. */
    integrationTemplate: {
      path: '/w/:workspaceKey/settings/integrations/templates/:templateId',
      getHref: (workspaceKey: string, templateId: string) =>
        `${integrationsBase(workspaceKey)}/templates/${encodeURIComponent(templateId)}`,
    },
    /** Every integration of the account; `query` keeps its sort and filters (`?state=failing`). */
    integrationsReport: {
      path: '/w/:workspaceKey/settings/integrations/report',
      getHref: (workspaceKey: string, query = '') =>
        `${integrationsBase(workspaceKey)}/report${query ? `?${query}` : ''}`,
    },
    features: {
      path: '/w/:workspaceKey/features',
      getHref: (workspaceKey: string) => `/w/${encodeURIComponent(workspaceKey)}/features`,
    },
    feature: {
      path: '/w/:workspaceKey/features/:referenceNum',
      getHref: (workspaceKey: string, referenceNum: string) =>
        `/w/${encodeURIComponent(workspaceKey)}/features/${encodeURIComponent(referenceNum)}`,
    },
    initiatives: {
      path: '/w/:workspaceKey/initiatives',
      getHref: (workspaceKey: string) => `/w/${encodeURIComponent(workspaceKey)}/initiatives`,
    },
    releases: {
      path: '/w/:workspaceKey/releases',
      getHref: (workspaceKey: string) => `/w/${encodeURIComponent(workspaceKey)}/releases`,
    },
    settings: {
      integrations: {
        path: '/w/:workspaceKey/settings/integrations',
        getHref: (workspaceKey: string) =>
          `/w/${encodeURIComponent(workspaceKey)}/settings/integrations`,
      },
      integrationLog: {
        path: '/w/:workspaceKey/settings/integrations/:integrationId/log',
        /** `filters` become the log page's URL filters (`entry` opens one entry). */
        getHref: (
          workspaceKey: string,
          integrationId: string,
          filters: Record<string, string | number | undefined> = {},
        ) => {
          const query = new URLSearchParams(
            Object.entries(filters)
              .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
              .map(([k, v]) => [k, String(v)]),
          ).toString();
          return `/w/${encodeURIComponent(workspaceKey)}/settings/integrations/${encodeURIComponent(integrationId)}/log${query ? `?${query}` : ''}`;
        },
      },
    },
  },
} as const;

/**
 * The `?next=` target after signing in, only when it is a path on this site: an absolute URL or
 * a protocol-relative `//host` would turn the login page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  if (next === paths.auth.login.path || next.startsWith(`${paths.auth.login.path}?`)) return null;
  return next;
}
