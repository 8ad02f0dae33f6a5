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
