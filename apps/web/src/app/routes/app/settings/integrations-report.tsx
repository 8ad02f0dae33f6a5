import { paths } from '@/config/paths';
import { ReportPage } from '@/features/manage-report/components/report-page';
import { useWorkspaceOutlet } from '../workspace-outlet';
import { OwnersOnly } from './owners-only';

export default function IntegrationsReportRoute() {
  const { workspace } = useWorkspaceOutlet();
  return (
    <OwnersOnly title="Manage integrations report">
      <title>{`Manage integrations report · ${workspace.name} · Tandem`}</title>
      <ReportPage
        breadcrumb={`${workspace.name} · Settings · Integrations`}
        backHref={paths.workspace.settings.integrations.getHref(workspace.key)}
        integrationHref={(row) => paths.workspace.integration.getHref(row.workspace.key, row.id)}
      />
    </OwnersOnly>
  );
}
