import type { IntegrationLogEntry } from '@tandem/contracts';
import { ScrollText } from 'lucide-react';
import { useEnabledIntegrations } from '@/api/integrations/get-enabled-integrations';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { useIntegrationLog } from '../api/get-integration-log';
import { useIntegrationLogEvents } from '../api/get-integration-log-events';
import { useLogFilters } from '../hooks/use-log-filters';
import { LogEntryRow } from './log-entry-row';
import { LogFiltersBar } from './log-filters-bar';

/**
 * An integration's log: every send, answer and error, newest first, filtered by level, event,
 * record and text (all in the URL); *Load older* pages back. `?entry=` opens one entry.
 */
export function IntegrationLogPage({
  workspaceId,
  workspaceName,
  integrationId,
  recordHref,
}: {
  workspaceId: string;
  workspaceName: string;
  integrationId: string;
  /** Where an entry's record opens, composed by the route; null when it cannot be shown. */
  recordHref: (entry: IntegrationLogEntry) => string | null;
}) {
  const { filters, setFilters } = useLogFilters();
  const integrations = useEnabledIntegrations(workspaceId);
  const name = integrations.data?.find((i) => i.id === integrationId)?.name;
  const log = useIntegrationLog(workspaceId, integrationId, filters);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const events = useIntegrationLogEvents(workspaceId, integrationId);
  const filteredRecord = filters.recordId
    ? entries.find((e) => e.recordId === filters.recordId)?.record
    : undefined;
  const recordLabel = filteredRecord
    ? `${filteredRecord.referenceNum} · ${filteredRecord.name}`
    : filters.recordRef || `this ${filters.recordType || 'record'}`;

  return (
    <ContentLayout
      breadcrumb={`${workspaceName} · Settings · Integrations`}
      title={name ? `${name} — log` : 'Integration log'}
      description="Every send, answer and error, newest first. Open an entry to see the request and the response."
    >
      <LogFiltersBar
        filters={filters}
        events={events.data ?? []}
        recordLabel={recordLabel}
        onChange={setFilters}
      />
      {log.error ? (
        <Alert>{log.error.message}</Alert>
      ) : log.isPending ? (
        <div className="flex justify-center py-16">
          <Spinner className="size-5 text-zinc-400" label="Loading the log" />
        </div>
      ) : entries.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title="No entries"
          description="Nothing in the log matches these filters. Try more levels or clear the search."
        />
      ) : (
        <>
          <ul
            aria-label="Log entries"
            className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white"
          >
            {entries.map((entry) => (
              <LogEntryRow
                key={entry.id}
                entry={entry}
                highlighted={entry.id === filters.entry}
                recordHref={recordHref}
                // The record filter stays: the calls made for the record the log is narrowed to.
                onShowCalls={() =>
                  setFilters({
                    event: 'http',
                    levels: ['debug', 'info', 'warn', 'error'],
                    q: '',
                  })
                }
              />
            ))}
          </ul>
          <div className="mt-4 flex items-center justify-between text-[13px] text-zinc-500">
            <span>
              {entries.length} entr{entries.length === 1 ? 'y' : 'ies'} shown
            </span>
            {log.hasNextPage ? (
              <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                Load older
              </Button>
            ) : (
              <span>That is the oldest entry.</span>
            )}
          </div>
        </>
      )}
    </ContentLayout>
  );
}
