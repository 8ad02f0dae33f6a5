import type { SessionWorkspace } from '@tandem/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { Layers, Milestone, Plug, Target } from 'lucide-react';
import {
  type LoaderFunctionArgs,
  Navigate,
  Outlet,
  redirect,
  useLocation,
  useNavigate,
  useParams,
} from 'react-router';
import { AppShell } from '@/components/layouts/app-shell';
import { SidebarNavLink, SidebarNavSection } from '@/components/layouts/sidebar-nav';
import { Logo } from '@/components/ui/logo';
import { paths } from '@/config/paths';
import { getSessionQueryOptions, useSession } from '@/features/auth/api/get-session';
import { UserMenu } from '@/features/auth/components/user-menu';
import { WorkspaceSwitcher } from '@/features/workspaces/components/workspace-switcher';
import { primeQuery } from '@/lib/query';
import { NotFoundContent } from '../not-found';
import type { WorkspaceOutletContext } from './workspace-outlet';

/** Signed-out visitors go to the login page and come back here afterwards. */
export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const session = await primeQuery(queryClient, getSessionQueryOptions());
    if (!session) {
      const url = new URL(request.url);
      return redirect(paths.auth.login.getHref(url.pathname + url.search));
    }
    return null;
  };

/** The same page in another workspace, unless that workspace does not let you see it. */
function switchTarget(pathname: string, from: SessionWorkspace, to: SessionWorkspace): string {
  const section = pathname.slice(paths.workspace.root.getHref(from.key).length);
  if (section.startsWith('/settings') && to.role !== 'owner') {
    return paths.workspace.features.getHref(to.key);
  }
  return paths.workspace.root.getHref(to.key) + section;
}

export default function WorkspaceShellRoute() {
  const session = useSession();
  const { workspaceKey } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();

  // The session ended (logged out here or elsewhere): back to the login page.
  if (!session) return <Navigate to={paths.auth.login.getHref()} replace />;

  const workspace = session.workspaces.find((w) => w.key === workspaceKey);
  if (!workspace) {
    return (
      <main className="min-h-dvh bg-zinc-50">
        <div className="p-6">
          <Logo />
        </div>
        <NotFoundContent
          title="Workspace not found"
          description={`There is no workspace “${workspaceKey}”, or you are not a member of it.`}
        />
      </main>
    );
  }

  const key = workspace.key;
  const context: WorkspaceOutletContext = { session, workspace };

  return (
    <AppShell
      switcher={
        <WorkspaceSwitcher
          workspaces={session.workspaces}
          current={workspace}
          onSwitch={(to) => navigate(switchTarget(pathname, workspace, to))}
        />
      }
      navigation={
        <>
          <SidebarNavSection>
            <SidebarNavLink to={paths.workspace.features.getHref(key)} icon={Layers}>
              Features
            </SidebarNavLink>
            <SidebarNavLink to={paths.workspace.releases.getHref(key)} icon={Milestone}>
              Releases
            </SidebarNavLink>
            <SidebarNavLink to={paths.workspace.initiatives.getHref(key)} icon={Target}>
              Initiatives
            </SidebarNavLink>
          </SidebarNavSection>
          {workspace.role === 'owner' ? (
            <SidebarNavSection title="Settings">
              <SidebarNavLink to={paths.workspace.settings.integrations.getHref(key)} icon={Plug}>
                Integrations
              </SidebarNavLink>
            </SidebarNavSection>
          ) : null}
        </>
      }
      userMenu={<UserMenu user={session.user} />}
    >
      <Outlet context={context} />
    </AppShell>
  );
}
