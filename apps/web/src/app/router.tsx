import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, useMemo } from 'react';
import {
  createBrowserRouter,
  type LoaderFunction,
  type RouteObject,
  RouterProvider,
  redirect,
} from 'react-router';
import { paths } from '@/config/paths';
import { AppLoading } from './routes/app-loading';
import NotFoundRoute from './routes/not-found';
import { RouteError } from './routes/route-error';

/** What a lazily loaded route module exports (the shape bulletproof-react uses). */
interface RouteModule {
  default: ComponentType;
  clientLoader?: (queryClient: QueryClient) => LoaderFunction;
}

const convert = (queryClient: QueryClient) => (module: RouteModule) => ({
  Component: module.default,
  ...(module.clientLoader ? { loader: module.clientLoader(queryClient) } : {}),
});

/** Every route of the SPA. Pages are split into their own chunks and primed by their loaders. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const load = convert(queryClient);
  return [
    {
      id: 'root',
      ErrorBoundary: RouteError,
      HydrateFallback: AppLoading,
      children: [
        {
          path: paths.home.path,
          lazy: () => import('./routes/home').then(load),
        },
        {
          path: paths.auth.login.path,
          lazy: () => import('./routes/auth/login').then(load),
        },
        {
          path: paths.workspace.root.path,
          lazy: () => import('./routes/app/root').then(load),
          ErrorBoundary: RouteError,
          children: [
            {
              // A page that fails shows its error inside the shell, so the sidebar stays usable.
              ErrorBoundary: RouteError,
              children: [
                {
                  index: true,
                  loader: ({ params }) =>
                    redirect(paths.workspace.features.getHref(params.workspaceKey ?? '')),
                },
                {
                  path: paths.workspace.features.path,
                  lazy: () => import('./routes/app/features').then(load),
                  children: [
                    {
                      path: paths.workspace.feature.path,
                      lazy: () => import('./routes/app/feature').then(load),
                    },
                  ],
                },
                {
                  path: paths.workspace.initiatives.path,
                  lazy: () => import('./routes/app/initiatives').then(load),
                },
                {
                  path: paths.workspace.releases.path,
                  lazy: () => import('./routes/app/releases').then(load),
                },
                {
                  path: paths.workspace.settings.integrations.path,
                  lazy: () => import('./routes/app/settings/integrations').then(load),
                },
                {
                  path: paths.workspace.settings.integrationLog.path,
                  lazy: () => import('./routes/app/settings/integration-log').then(load),
                },
                {
                  path: paths.workspace.integrationsReport.path,
                  lazy: () => import('./routes/app/settings/integrations-report').then(load),
                },
                {
                  path: paths.workspace.integrationTemplates.path,
                  lazy: () => import('./routes/app/settings/integration-templates').then(load),
                },
                {
                  path: paths.workspace.integrationTemplate.path,
                  lazy: () => import('./routes/app/settings/integration-template').then(load),
                },
                {
                  path: paths.workspace.integration.path,
                  lazy: () => import('./routes/app/settings/integration').then(load),
                },
                {
                  path: paths.workspace.integrationWizard.path,
                  lazy: () => import('./routes/app/settings/integration-wizard').then(load),
                },
              ],
            },
          ],
        },
        {
          path: '*',
          Component: NotFoundRoute,
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

export function AppRouter() {
  const queryClient = useQueryClient();
  const router = useMemo(() => createAppRouter(queryClient), [queryClient]);
  return <RouterProvider router={router} />;
}
