import type { IntegrationReportRow } from '@tandem/contracts';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { Link } from 'react-router';
import { useConnectors } from '@/api/connectors/get-connectors';
import type { ReportView, SortKey } from '../utils/report-rows';
import { StateLabel } from './state-label';

/** The remote's columns carry its name when one system is registered ("<name> account"). */
const columns = (remote: string): { key: SortKey; label: string; numeric?: boolean }[] => [
  { key: 'workspace', label: 'Tandem workspace' },
  { key: 'name', label: 'Integration' },
  { key: 'system', label: 'System' },
  { key: 'account', label: `${remote} account` },
  { key: 'project', label: `${remote} workspace / project` },
  { key: 'template', label: 'Template' },
  { key: 'state', label: 'State' },
  { key: 'lastSync', label: 'Last sync' },
  { key: 'linked', label: 'Linked records', numeric: true },
  { key: 'errors', label: 'Errors', numeric: true },
];

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString(undefined, {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      })
    : 'Never';

export function ReportTable({
  rows,
  view,
  onSort,
  integrationHref,
}: {
  rows: IntegrationReportRow[];
  view: ReportView;
  onSort: (next: ReportView) => void;
  integrationHref: (row: IntegrationReportRow) => string;
}) {
  const connectors = useConnectors().data ?? [];
  const remote = connectors.length === 1 ? (connectors[0]?.displayName ?? 'Remote') : 'Remote';
  const nameOf = (row: IntegrationReportRow) =>
    connectors.find((c) => c.system === row.system)?.displayName ?? row.system;
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200">
      <table className="w-full text-sm">
        <caption className="sr-only">Integrations of the account</caption>
        <thead className="bg-zinc-50">
          <tr>
            {columns(remote).map((c) => {
              const sorted = view.sort === c.key;
              const Icon = !sorted ? ArrowUpDown : view.dir === 'asc' ? ArrowUp : ArrowDown;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={sorted ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={c.numeric ? 'px-3 py-2 text-right' : 'px-3 py-2 text-left'}
                >
                  <button
                    type="button"
                    className="inline-flex items-center gap-1 text-xs font-medium text-zinc-600 hover:text-zinc-900"
                    onClick={() =>
                      onSort({
                        ...view,
                        sort: c.key,
                        dir: sorted && view.dir === 'asc' ? 'desc' : 'asc',
                      })
                    }
                  >
                    {c.label}
                    <Icon className="size-3" aria-hidden="true" />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns(remote).length} className="px-3 py-6 text-center text-zinc-500">
                No integration matches these filters.
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2 text-zinc-700">{r.workspace.name}</td>
                <td className="px-3 py-2">
                  <Link
                    to={integrationHref(r)}
                    className="font-medium text-accent-700 hover:underline"
                  >
                    {r.name}
                  </Link>
                </td>
                <td className="px-3 py-2">{nameOf(r)}</td>
                <td
                  className="max-w-48 truncate px-3 py-2 text-zinc-600"
                  title={r.accountUrl ?? ''}
                >
                  {r.accountUrl ?? '—'}
                </td>
                <td className="px-3 py-2 text-zinc-600">
                  {r.remoteProject ? `${r.remoteWorkspace ?? '?'} / ${r.remoteProject}` : '—'}
                </td>
                <td className="px-3 py-2 text-zinc-600">{r.template?.name ?? '—'}</td>
                <td className="px-3 py-2">
                  <StateLabel state={r.state} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-zinc-600">{when(r.lastSyncAt)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.linkedRecords}</td>
                <td
                  className={
                    r.errors > 0
                      ? 'px-3 py-2 text-right text-red-700 tabular-nums'
                      : 'px-3 py-2 text-right tabular-nums'
                  }
                >
                  {r.errors}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
