import { ArrowLeft, ArrowRight, FileText } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useConnectorPresentation } from '@/api/connectors/get-connectors';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useIntegration } from '../api/get-integration';
import { formatWhen, stateHelp } from '../utils/integration-state';
import { ImportCandidates } from './import-candidates';
import { IncomingChanges } from './incoming-changes';
import { MoreOptionsMenu } from './more-options-menu';
import { StateBadge } from './state-badge';

/** One integration's page: what it is connected to, its state, and *More options*. */
export function IntegrationOverview({
  workspace,
  integrationId,
}: {
  workspace: { id: string; key: string; name: string };
  integrationId: string;
}) {
  const query = useIntegration(workspace.id, integrationId);
  const presentation = useConnectorPresentation(query.data?.system);
  const navigate = useNavigate();
  if (query.isPending) return <Spinner label="Loading the integration" />;
  if (query.isError)
    return <Alert title="This integration could not be opened">{query.error.message}</Alert>;
  const i = query.data;
  const s = i.settings;
  const wizardHref = paths.workspace.integrationWizard.getHref(workspace.key, i.id, i.wizardStep);
  const system = presentation?.displayName ?? i.system;
  const steps = presentation?.steps ?? [];
  const stoppedAt = steps.findIndex((step) => step.id === i.wizardStep);
  const rows: [string, ReactNode][] = [
    ['System', system],
    [
      'Template',
      i.templateId
        ? 'Made from a template: changes to the template reach this integration'
        : 'None',
    ],
    [`${system} account`, s.accountUrl ?? '—'],
    ['Connected as', i.connection?.connectedAs ?? 'Not connected'],
    [
      'Workspace / project',
      s.remoteProject ? `${s.remoteWorkspace?.name ?? '?'} / ${s.remoteProject.name}` : '—',
    ],
    ['Exclude child updates', s.excludeChildUpdates ? 'Yes' : 'No'],
    ['Record mappings', String(s.recordMappings?.length ?? 0)],
    ['Outgoing changes', s.sendMode === 'approve' ? 'Approve first' : 'Sent automatically'],
    [
      `New ${system} records`,
      s.importNewRecords === false ? 'Not imported' : 'Imported automatically',
    ],
    ['Client certificate', i.hasClientCertificate ? 'Set' : 'Not set'],
    ['Last sync', formatWhen(i.lastSyncAt)],
  ];
  return (
    <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-6 sm:px-8">
      <Link
        to={paths.workspace.settings.integrations.getHref(workspace.key)}
        className="inline-flex items-center gap-1.5 text-[13px] text-zinc-500 hover:text-zinc-800"
      >
        <ArrowLeft className="size-3.5" aria-hidden="true" />
        Integrations
      </Link>
      <header className="flex items-start justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-3 text-xl font-semibold tracking-tight text-zinc-900">
            {i.name}
            <StateBadge state={i.state} />
          </h1>
          <p className="mt-1 text-sm text-zinc-500">{stateHelp(i.state, presentation)}</p>
        </div>
        <MoreOptionsMenu
          workspace={workspace}
          integration={i}
          onDeleted={() => navigate(paths.workspace.settings.integrations.getHref(workspace.key))}
        />
      </header>
      {i.state === 'draft' ? (
        <Alert tone="info" title="Setup is not finished">
          <p>{`You stopped at step ${stoppedAt + 1} of ${steps.length}, ${steps[stoppedAt]?.title ?? i.wizardStep}.`}</p>
          <Link
            to={wizardHref}
            className="mt-1 inline-flex items-center gap-1 font-medium underline"
          >
            Continue setup
            <ArrowRight className="size-3.5" aria-hidden="true" />
          </Link>
        </Alert>
      ) : null}
      {i.lastError ? <Alert title="Last error">{i.lastError}</Alert> : null}
      {i.state === 'draft' ? null : <ImportCandidates workspaceId={workspace.id} integration={i} />}
      <dl className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[12rem_1fr] gap-4 px-4 py-2.5 text-sm">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="break-all text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>
      {i.state === 'draft' ? null : <IncomingChanges workspaceId={workspace.id} integration={i} />}
      <Link
        to={paths.workspace.settings.integrationLog.getHref(workspace.key, i.id)}
        className="inline-flex items-center gap-1.5 text-sm text-accent-700 hover:underline"
      >
        <FileText className="size-4" aria-hidden="true" />
        View log messages
      </Link>
    </div>
  );
}
