import { useQueryClient } from '@tanstack/react-query';
import { RotateCcw, Send } from 'lucide-react';
import { useState } from 'react';
import { useEnabledIntegrations } from '@/api/integrations/get-enabled-integrations';
import { integrationKeys } from '@/api/integrations/keys';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { useSendPlan } from '../api/get-send-plan';
import {
  type SendSelection,
  sendErrorMessage,
  useSendToIntegration,
} from '../api/send-to-integration';
import { useSendProgress } from '../hooks/use-send-progress';
import type { ProgressItem, SendItem } from '../utils/send-progress';
import { SendPlanView } from './send-plan-view';
import { SendProgressView } from './send-progress-view';

export type LogHref = (integrationId: string, item: ProgressItem) => string | null;

/**
 * A bulk send in two steps: the dry-run plan (what will be created, updated, skipped, and any
 * warning), then, once confirmed, a live bar with each record's result. Closing while it runs
 * leaves the send going on the server.
 */
export function BulkSendDialog({
  workspaceId,
  title,
  selection,
  items,
  onClose,
  onFinished,
  logHref,
}: {
  workspaceId: string;
  title: string;
  selection: SendSelection;
  /** The records whose progress is shown, in the order the plan sends them. */
  items: readonly SendItem[];
  onClose: () => void;
  onFinished?: () => void;
  logHref: LogHref;
}) {
  const integrations = useEnabledIntegrations(workspaceId);
  const [chosen, setChosen] = useState<string | null>(null);
  const integration =
    integrations.data?.find((i) => i.id === chosen) ?? integrations.data?.[0] ?? null;
  const [started, setStarted] = useState(false);
  const plan = useSendPlan(workspaceId, started ? undefined : integration?.id, selection);
  const send = useSendToIntegration(workspaceId);
  const progress = useSendProgress({
    workspaceId,
    integrationId: integration?.id ?? '',
    items,
    active: started,
  });
  const name = integration?.name ?? 'the integration';
  const queryClient = useQueryClient();
  const failedItems = progress.items.filter((i) => i.outcome === 'failed');

  /** Sends the failed records again; their rows wait for the new outcome. */
  const retryFailed = () => {
    if (!integration || failedItems.length === 0) return;
    const featureIds = failedItems
      .filter((i) => (i.recordType ?? 'feature') === 'feature')
      .map((i) => i.id);
    const releaseIds = failedItems.filter((i) => i.recordType === 'release').map((i) => i.id);
    send.mutate(
      {
        integrationId: integration.id,
        ...(featureIds.length ? { featureIds } : {}),
        ...(releaseIds.length ? { releaseIds } : {}),
      },
      {
        onSuccess: () => {
          for (const item of failedItems)
            queryClient.removeQueries({
              queryKey: integrationKeys.recordLinks(
                workspaceId,
                item.recordType ?? 'feature',
                item.id,
              ),
              exact: true,
            });
        },
      },
    );
  };

  const start = () => {
    if (!integration) return;
    send.mutate(
      { integrationId: integration.id, ...selection },
      { onSuccess: () => setStarted(true) },
    );
  };

  const footer = started ? (
    <>
      {progress.finished && failedItems.length > 0 ? (
        <Button onClick={retryFailed} loading={send.isPending}>
          <RotateCcw className="size-3.5" aria-hidden="true" />
          {`Retry failed (${failedItems.length})`}
        </Button>
      ) : null}
      <Button
        variant={progress.finished ? 'primary' : 'secondary'}
        onClick={progress.finished ? (onFinished ?? onClose) : onClose}
      >
        {progress.finished ? 'Done' : 'Close — keep sending'}
      </Button>
    </>
  ) : (
    <>
      <Button onClick={onClose}>Cancel</Button>
      <Button
        variant="primary"
        onClick={start}
        loading={send.isPending}
        disabled={
          !plan.data ||
          plan.data.blocked ||
          plan.data.creates + plan.data.updates + plan.data.links === 0
        }
      >
        <Send className="size-3.5" aria-hidden="true" />
        {`Send to ${name}`}
      </Button>
    </>
  );

  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      description={started ? undefined : `Check the plan first: nothing has been sent yet.`}
      footer={footer}
      className="max-w-2xl"
    >
      <div className="space-y-4 pb-2">
        {integrations.data && integrations.data.length > 1 && !started ? (
          <label className="flex items-center gap-2 text-[13px] text-zinc-700">
            Send to
            <select
              value={integration?.id ?? ''}
              onChange={(e) => setChosen(e.target.value)}
              className="h-8 rounded-md border border-zinc-200 bg-white px-2 text-[13px]"
            >
              {integrations.data.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {integrations.data?.length === 0 ? (
          <Alert tone="info">
            No integration is enabled in this workspace. An owner can set one up in Settings →
            Integrations.
          </Alert>
        ) : started ? (
          <SendProgressView
            progress={progress}
            integrationName={name}
            logHref={(item) => (integration ? logHref(integration.id, item) : null)}
          />
        ) : plan.error ? (
          <Alert>{sendErrorMessage(plan.error)}</Alert>
        ) : plan.data ? (
          <SendPlanView plan={plan.data} integrationName={name} />
        ) : (
          <div className="flex items-center gap-2 py-6 text-[13px] text-zinc-500">
            <Spinner className="text-zinc-400" /> Planning the send to {name}…
          </div>
        )}
        {send.error ? <Alert>{sendErrorMessage(send.error)}</Alert> : null}
      </div>
    </Dialog>
  );
}
