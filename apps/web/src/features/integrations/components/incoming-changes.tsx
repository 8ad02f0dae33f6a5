import type { Integration, PollResult } from '@tandem/contracts';
import { RefreshCw } from 'lucide-react';
import { useSystemName } from '@/api/connectors/get-connectors';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { useCheckForChanges } from '../api/check-for-changes';
import { formatWhen } from '../utils/integration-state';

function every(seconds: number): string {
  if (seconds % 60 !== 0) return `every ${seconds} seconds`;
  const minutes = seconds / 60;
  return minutes === 1 ? 'every minute' : `every ${minutes} minutes`;
}

function describe(result: PollResult): string {
  if (result.outcome === 'started') return 'Started watching: changes made from now on come in';
  if (result.changes === 0) return 'Nothing changed since the last check';
  const parts = Object.entries(result.outcomes).map(
    ([outcome, n]) => `${n} ${outcome.replaceAll('_', ' ')}`,
  );
  return `${result.changes} change${result.changes === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** How changes made in the remote reach Tandem, and a way to fetch them now. */
export function IncomingChanges({
  workspaceId,
  integration,
}: {
  workspaceId: string;
  integration: Integration;
}) {
  const check = useCheckForChanges(workspaceId, integration.id);
  const remote = useSystemName()(integration.system);
  const { mode, pollEverySeconds, polledAt } = integration.incoming;
  const active = integration.state === 'enabled' || integration.state === 'failing';
  return (
    <section
      aria-labelledby="incoming-changes"
      className="flex flex-wrap items-start justify-between gap-4 rounded-xl border border-zinc-200 bg-white px-4 py-3"
    >
      <div className="min-w-0 space-y-1 text-sm">
        <h2 id="incoming-changes" className="font-medium text-zinc-900">
          Changes from {remote}
        </h2>
        <p className="text-zinc-600">
          {mode === 'webhooks'
            ? `${remote} sends them as they happen (webhooks). Tandem also checks ${every(pollEverySeconds)} for any that did not arrive.`
            : `${remote} did not let this account register webhooks, so Tandem checks for changes ${every(pollEverySeconds)}.`}
        </p>
        <p className="text-zinc-500">Last checked: {formatWhen(polledAt)}</p>
      </div>
      <Button
        size="sm"
        loading={check.isPending}
        disabled={!active}
        title={active ? undefined : 'Enable the integration to check for changes'}
        onClick={() =>
          check.mutate(undefined, {
            onSuccess: (result) => toast(describe(result), { tone: 'success' }),
            onError: (error) =>
              toast(`Could not check ${remote} for changes`, {
                tone: 'error',
                description: error.message,
              }),
          })
        }
      >
        {check.isPending ? null : <RefreshCw className="size-3.5" aria-hidden="true" />}
        Check for changes now
      </Button>
    </section>
  );
}
