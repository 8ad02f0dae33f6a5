import type { RecordSyncOverviewView } from '@tandem/contracts';
import { clsx } from 'clsx';
import { ChevronDown, Send, Unlink } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useEnabledIntegrations } from '@/api/integrations/get-enabled-integrations';
import { Menu, MenuButton, MenuItem, MenuLabel, MenuList } from '@/components/ui/menu';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import {
  type SendSelection,
  sendErrorMessage,
  useSendToIntegration,
} from '../api/send-to-integration';
import { countdown, type SendState, sendState } from '../utils/send-state';

/** The time now, every second while `active` (a countdown on screen). */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

const TONE_CLASS: Record<SendState['tone'], string> = {
  plain: 'border-zinc-200 bg-white text-zinc-700 hover:bg-zinc-50',
  linked: 'border-emerald-200 bg-emerald-50 text-emerald-900 hover:bg-emerald-100',
  attention: 'border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100',
  broken: 'border-red-200 bg-red-50 text-red-800 hover:bg-red-100',
};

/**
 * *Send to <integration>* for one record (a feature, or a release with its features): one item
 * per enabled integration. What happens next shows on the record's link (Sending… → the chip).
 */
export function SendMenu({
  workspaceId,
  selection,
  recordLabel,
  placement = 'bottom-end',
  compact = false,
  overview,
}: {
  workspaceId: string;
  selection: SendSelection;
  /** The record in words, e.g. "APP-12" or "2027.1 — Offline first". */
  recordLabel: string;
  placement?: 'bottom-start' | 'bottom-end' | 'top-start' | 'top-end';
  compact?: boolean;
  /**
   * How the record stands with each integration (the board's overview): the button then says
   * it — "In <system> — up to date", "… — send changes now" with a countdown, "Link broken".
   */
  overview?: readonly RecordSyncOverviewView[] | undefined;
}) {
  const integrations = useEnabledIntegrations(workspaceId);
  const send = useSendToIntegration(workspaceId);
  const list = integrations.data ?? [];
  const states = list.map((i) => ({
    integration: i,
    state: sendState(
      i.name,
      overview?.find((r) => r.integrationId === i.id),
    ),
  }));
  // The button speaks for the one integration, or for the first one with something to say.
  const lead =
    overview === undefined
      ? undefined
      : states.length === 1
        ? states[0]?.state
        : states.find((s) => s.state.tone !== 'plain')?.state;
  const now = useNow(Boolean(lead?.dueAt));
  const buttonLabel = send.isPending
    ? 'Sending…'
    : lead
      ? `${lead.label}${lead.dueAt ? ` · ${countdown(lead.dueAt, now)}` : ''}`
      : 'Send to…';

  const onSend = (integrationId: string, name: string) =>
    send.mutate(
      { integrationId, ...selection },
      {
        onSuccess: (summary) => {
          // The record's link shows the rest (Sending… → the chip); only say when nothing moves.
          if (summary.creates + summary.updates + summary.links === 0)
            toast(`${recordLabel} is already up to date in ${name}`, {
              tone: 'info',
              description: 'Nothing changed since it was last sent, so nothing was sent.',
            });
        },
        onError: (error) =>
          toast(`${recordLabel} was not sent to ${name}`, {
            tone: 'error',
            description: sendErrorMessage(error),
          }),
      },
    );

  return (
    <Menu>
      <MenuButton
        disabled={send.isPending || integrations.isPending}
        aria-busy={send.isPending || undefined}
        className={
          compact
            ? 'inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12px] font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-expanded:bg-zinc-100 disabled:opacity-60'
            : clsx(
                'inline-flex h-7 min-w-0 items-center gap-1.5 rounded-md border px-2.5 text-[12px] font-medium shadow-xs disabled:opacity-60',
                TONE_CLASS[lead?.tone ?? 'plain'],
              )
        }
      >
        {send.isPending ? (
          <Spinner className="size-3.5" />
        ) : lead?.tone === 'broken' ? (
          <Unlink className="size-3.5 shrink-0" aria-hidden="true" />
        ) : (
          <Send className="size-3.5 shrink-0" aria-hidden="true" />
        )}
        <span className="truncate tabular-nums">{buttonLabel}</span>
        <ChevronDown className="size-3 text-zinc-400" aria-hidden="true" />
      </MenuButton>
      <MenuList placement={placement} label="Send to">
        <MenuLabel>Send {recordLabel} to</MenuLabel>
        {list.length === 0 ? (
          <p className="max-w-64 px-2 pb-2 text-[12px] text-zinc-500">
            No integration is enabled in this workspace. An owner can set one up in Settings →
            Integrations.
          </p>
        ) : (
          states.map(({ integration: i, state }) =>
            state.tone === 'broken' ? (
              <div key={i.id} role="presentation" className="max-w-72 px-2 py-1.5 text-[12px]">
                <p className="font-medium text-red-800">{state.item}</p>
                {state.note ? <p className="mt-0.5 text-zinc-600">{state.note}</p> : null}
              </div>
            ) : (
              <MenuItem key={i.id} onSelect={() => onSend(i.id, i.name)}>
                <span className="flex max-w-72 flex-col">
                  <span>{overview === undefined ? `Send to ${i.name}` : state.item}</span>
                  {overview !== undefined && state.note ? (
                    <span className="text-[12px] text-zinc-600">{state.note}</span>
                  ) : null}
                </span>
              </MenuItem>
            ),
          )
        )}
      </MenuList>
    </Menu>
  );
}
