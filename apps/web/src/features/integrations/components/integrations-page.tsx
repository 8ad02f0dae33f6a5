import { BarChart3, LayoutTemplate, Plug } from 'lucide-react';
import { Link } from 'react-router';
import { useSystemList } from '@/api/connectors/get-connectors';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useIntegrations } from '../api/get-integrations';
import { AddIntegrationMenu } from './add-integration-menu';
import { IntegrationRow } from './integration-row';

/** The workspace's integrations with their state, and the way to add one. */
export function IntegrationsPage({
  workspace,
}: {
  workspace: { id: string; key: string; name: string };
}) {
  const list = useIntegrations(workspace.id);
  const systems = useSystemList();
  const linkClass =
    'inline-flex h-8 items-center gap-2 rounded-md px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-100';
  return (
    <ContentLayout
      breadcrumb={`${workspace.name} · Settings`}
      title="Integrations"
      description="Connect this workspace to the tools your development teams use."
      actions={
        <>
          <Link
            className={linkClass}
            to={paths.workspace.integrationsReport.getHref(workspace.key)}
          >
            <BarChart3 className="size-4" aria-hidden="true" />
            Manage integrations report
          </Link>
          <Link
            className={linkClass}
            to={paths.workspace.integrationTemplates.getHref(workspace.key)}
          >
            <LayoutTemplate className="size-4" aria-hidden="true" />
            Templates
          </Link>
          <AddIntegrationMenu workspaceKey={workspace.key} />
        </>
      }
    >
      {list.isPending ? (
        <Spinner label="Loading integrations" />
      ) : list.isError ? (
        <Alert>{list.error.message}</Alert>
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={Plug}
          title="No integrations yet"
          description={`Set up ${systems} here to send features to your development teams and bring their progress back.`}
          action={<AddIntegrationMenu workspaceKey={workspace.key} />}
        />
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Integrations of {workspace.name}</caption>
          <thead>
            <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500">
              <th scope="col" className="py-2 font-medium">
                Name
              </th>
              <th scope="col" className="py-2 font-medium">
                System
              </th>
              <th scope="col" className="py-2 font-medium">
                State
              </th>
              <th scope="col" className="py-2 font-medium">
                Last sync
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">More options</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {list.data.map((integration) => (
              <IntegrationRow
                key={integration.id}
                workspace={workspace}
                integration={integration}
              />
            ))}
          </tbody>
        </table>
      )}
    </ContentLayout>
  );
}
