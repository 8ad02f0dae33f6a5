import type { RecordLink } from '@tandem/contracts';
import { TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { useSystemName } from '@/api/connectors/get-connectors';
import type { LinkedRecordType } from '@/api/integrations/get-record-links';
import { Button } from '@/components/ui/button';
import { type ConflictChoice, useResolveConflict } from '../api/resolve-conflict';
import { conflictPanelId } from './record-conflict-notice';

/**
 * A record changed on both sides since the last sync: each field with Tandem's value and the
 * remote's, and the two ways out — keep Tandem's (sent to the remote) or take the remote's
 * (written here). Nothing is sent for the record until someone chooses.
 */
export function LinkConflict({
  workspaceId,
  recordType,
  recordId,
  link,
  canResolve,
}: {
  workspaceId: string;
  recordType: LinkedRecordType;
  recordId: string;
  link: RecordLink;
  canResolve: boolean;
}) {
  const id = useId();
  const remote = useSystemName()(link.system);
  const resolve = useResolveConflict(workspaceId, recordType, recordId);
  const choose = (keep: ConflictChoice) =>
    resolve.mutate({ integrationId: link.integrationId, keep });
  const fields = link.conflict ?? [];

  return (
    <section
      id={conflictPanelId(recordId, link.integrationId)}
      aria-labelledby={`${id}-title`}
      className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5 text-[13px]"
    >
      <div className="flex gap-2.5">
        <TriangleAlert className="mt-px size-4 shrink-0 text-amber-600" aria-hidden="true" />
        <div className="min-w-0 flex-1">
          <p id={`${id}-title`} className="font-medium text-amber-950">
            Changed in Tandem and in {remote}
          </p>
          <p className="mt-0.5 text-amber-900">
            Both sides changed {fields.length === 1 ? 'this field' : 'these fields'} since the last
            sync. Nothing more is sent to {remote} for this {recordType} until you choose.
          </p>
        </div>
      </div>
      {fields.length > 0 ? (
        <dl className="mt-2.5 space-y-2">
          {fields.map((f) => (
            <div key={f.field} className="rounded border border-amber-200/80 bg-white px-2.5 py-2">
              <dt className="text-[11px] font-semibold tracking-wide text-zinc-600 uppercase">
                {f.label}
              </dt>
              <dd className="mt-1 grid gap-x-3 gap-y-1 sm:grid-cols-2">
                <Value side="In Tandem" value={f.ours} />
                <Value side={`In ${remote}`} value={f.theirs} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {canResolve ? (
        <div className="mt-2.5 flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant="primary"
            loading={resolve.isPending && resolve.variables?.keep === 'roadmap'}
            disabled={resolve.isPending}
            onClick={() => choose('roadmap')}
          >
            Keep Tandem’s
          </Button>
          <Button
            size="sm"
            loading={resolve.isPending && resolve.variables?.keep === 'remote'}
            disabled={resolve.isPending}
            onClick={() => choose('remote')}
          >
            Take {remote}’s
          </Button>
          <span className="text-[12px] text-amber-900">
            Keep sends Tandem’s values to {remote}. Take replaces Tandem’s values with {remote}’s.
          </span>
        </div>
      ) : null}
      {resolve.error ? (
        <p role="alert" className="mt-2 text-[12px] text-red-700">
          {resolve.error.message}
        </p>
      ) : null}
    </section>
  );
}

function Value({ side, value }: { side: string; value: string }) {
  return (
    <p className="min-w-0">
      <span className="block text-[11px] text-zinc-500">{side}</span>
      <span className="block break-words text-zinc-900">{value}</span>
    </p>
  );
}
