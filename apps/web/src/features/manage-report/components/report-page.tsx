import type { IntegrationReportRow } from '@tandem/contracts';
import { ArrowLeft } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { useIntegrationReport } from '../api/get-integration-report';
import { applyView, type ReportView, searchFromView, viewFromSearch } from '../utils/report-rows';
import { ReportFilters } from './report-filters';
import { ReportTable } from './report-table';

/** Every integration of the account, by workspace: sortable and filterable, the view in the URL. */
export function ReportPage({
  breadcrumb,
  backHref,
  integrationHref,
}: {
  breadcrumb: string;
  backHref: string;
  integrationHref: (row: IntegrationReportRow) => string;
}) {
  const report = useIntegrationReport();
  const [params, setParams] = useSearchParams();
  const view = viewFromSearch(params);
  const setView = (next: ReportView) => setParams(searchFromView(next), { replace: true });
  const rows = applyView(report.data ?? [], view);

  return (
    <ContentLayout
      breadcrumb={breadcrumb}
      title="Manage integrations report"
      description="Every integration of your account, in every workspace: where it points, how it is doing, and how much it has linked."
      actions={
        <Link
          to={backHref}
          className="inline-flex items-center gap-1.5 text-sm text-zinc-600 hover:text-zinc-900"
        >
          <ArrowLeft className="size-4" aria-hidden="true" />
          Integrations
        </Link>
      }
    >
      <ReportFilters view={view} onChange={setView} />
      {report.isPending ? (
        <Spinner label="Loading the report" />
      ) : report.isError ? (
        <Alert>{report.error.message}</Alert>
      ) : (
        <>
          <p role="status" className="mt-4 mb-2 text-[13px] text-zinc-500">
            {`${rows.length} of ${report.data.length} integrations`}
          </p>
          <ReportTable rows={rows} view={view} onSort={setView} integrationHref={integrationHref} />
        </>
      )}
    </ContentLayout>
  );
}
