import type { RecordLink } from '@tandem/contracts';
import { Send } from 'lucide-react';
import { useId } from 'react';
import { useSystemName } from '@/api/connectors/get-connectors';
import type { LinkedRecordType } from '@/api/integrations/get-record-links';
import { Button } from '@/components/ui/button';
import { type OutgoingDecision, useDecideOutgoing } from '../api/decide-outgoing';
import { fieldLabel } from '../utils/field-labels';

/**
 * *Approve outgoing changes*: the fields edited in Tandem that wait for someone to send them to
 * the remote (Approve) or drop them (Reject; Tandem keeps its values, the remote keeps its own).
 */
export function LinkApproval({
  workspaceId,
  recordType,
  recordId,
  link,
  canDecide,
}: {
  workspaceId: string;
  recordType: LinkedRecordType;
  recordId: string;
  link: RecordLink;
  canDecide: boolean;
}) {
  const id = useId();
  const remote = useSystemName()(link.system);
  const decide = useDecideOutgoing(workspaceId, recordType, recordId);
  const choose = (decision: OutgoingDecision) =>
    decide.mutate({ integrationId: link.integrationId, decision });
  const fields = (link.approval ?? []).map(fieldLabel).join(', ');

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5 text-[13px]"
    >
      <div className="flex gap-2.5">
        <Send className="mt-px size-4 shrink-0 text-amber-600" aria-hidden="true" />
        <p id={`${id}-title`} className="min-w-0 flex-1 text-amber-950">
          <span className="font-medium">Changes waiting for approval:</span> {fields}
        </p>
      </div>
      {canDecide ? (
        <div className="mt-2.5 flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant="primary"
            loading={decide.isPending && decide.variables?.decision === 'approve'}
            disabled={decide.isPending}
            onClick={() => choose('approve')}
          >
            Approve
          </Button>
          <Button
            size="sm"
            loading={decide.isPending && decide.variables?.decision === 'reject'}
            disabled={decide.isPending}
            onClick={() => choose('reject')}
          >
            Reject
          </Button>
          <span className="text-[12px] text-amber-900">
            Approve sends these changes to {remote}. Reject keeps them in Tandem only.
          </span>
        </div>
      ) : null}
      {decide.error ? (
        <p role="alert" className="mt-2 text-[12px] text-red-700">
          {decide.error.message}
        </p>
      ) : null}
    </section>
  );
}
