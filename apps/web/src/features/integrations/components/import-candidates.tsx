import type { ImportCandidateView, Integration } from '@tandem/contracts';
import { ExternalLink } from 'lucide-react';
import { useSystemName } from '@/api/connectors/get-connectors';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { useImportCandidates, useSettleCandidate } from '../api/import-candidates';
import { formatWhen } from '../utils/integration-state';

function CandidateRow({
  candidate,
  onSettle,
  busy,
}: {
  candidate: ImportCandidateView;
  onSettle: (action: 'import' | 'dismiss') => void;
  busy: 'import' | 'dismiss' | null;
}) {
  const becomes = candidate.recordKind === 'feature' ? 'a feature' : 'a requirement';
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-2.5 text-sm">
      <div className="min-w-0">
        <p className="text-zinc-900">
          {candidate.url ? (
            <a
              href={candidate.url}
              target="_blank"
              rel="noreferrer"
              className="inline-flex items-center gap-1 font-medium text-accent-700 hover:underline"
            >
              {candidate.formattedId}
              <ExternalLink className="size-3" aria-hidden="true" />
            </a>
          ) : (
            <span className="font-medium">{candidate.formattedId}</span>
          )}{' '}
          {candidate.name}
        </p>
        <p className="text-zinc-500">
          Would become {becomes}
          {candidate.parentLabel ? ` under ${candidate.parentLabel}` : ''} · seen{' '}
          {formatWhen(candidate.firstSeenAt)}
        </p>
      </div>
      <div className="flex gap-2">
        <Button
          size="sm"
          variant="ghost"
          disabled={busy !== null}
          loading={busy === 'dismiss'}
          aria-label={`Dismiss ${candidate.formattedId}`}
          onClick={() => onSettle('dismiss')}
        >
          Dismiss
        </Button>
        <Button
          size="sm"
          variant="primary"
          disabled={busy !== null}
          loading={busy === 'import'}
          aria-label={`Import ${candidate.formattedId}`}
          onClick={() => onSettle('import')}
        >
          Import
        </Button>
      </div>
    </li>
  );
}

/**
 * New remote records under linked parents that wait for a decision while *Automatically import
 * new records* is off.
 */
export function ImportCandidates({
  workspaceId,
  integration,
}: {
  workspaceId: string;
  integration: Integration;
}) {
  const query = useImportCandidates(workspaceId, integration.id);
  const settle = useSettleCandidate(workspaceId, integration.id);
  const remote = useSystemName()(integration.system);
  const candidates = query.data ?? [];
  const automatic = integration.settings.importNewRecords !== false;
  if (automatic && candidates.length === 0) return null;
  const pending = settle.isPending ? settle.variables : undefined;
  return (
    <section
      aria-labelledby="import-candidates"
      className="rounded-xl border border-zinc-200 bg-white"
    >
      <div className="border-b border-zinc-100 px-4 py-3 text-sm">
        <h2 id="import-candidates" className="font-medium text-zinc-900">
          New {remote} records to import
        </h2>
        <p className="text-zinc-600">
          {automatic
            ? 'Found before automatic import was turned on.'
            : `Automatic import is off: records created in ${remote} under linked parents wait here.`}
        </p>
      </div>
      {query.isError ? (
        <p className="px-4 py-3 text-sm text-red-700">{query.error.message}</p>
      ) : candidates.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500">
          {query.isPending ? 'Loading…' : 'Nothing waiting.'}
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {candidates.map((candidate) => (
            <CandidateRow
              key={candidate.remoteId}
              candidate={candidate}
              busy={pending?.remoteId === candidate.remoteId ? pending.action : null}
              onSettle={(action) =>
                settle.mutate(
                  { remoteId: candidate.remoteId, action },
                  {
                    onSuccess: (made) =>
                      toast(
                        made
                          ? `${candidate.formattedId} imported as ${made.referenceNum}`
                          : `${candidate.formattedId} dismissed`,
                        { tone: 'success' },
                      ),
                    onError: (error) =>
                      toast(`${candidate.formattedId} could not be ${action}ed`, {
                        tone: 'error',
                        description: error.message,
                      }),
                  },
                )
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
