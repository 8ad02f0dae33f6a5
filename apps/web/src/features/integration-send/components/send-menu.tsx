import { ChevronDown, Send } from 'lucide-react';
import { useEnabledIntegrations } from '@/api/integrations/get-enabled-integrations';
import { Menu, MenuButton, MenuItem, MenuLabel, MenuList } from '@/components/ui/menu';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import {
  type SendSelection,
  sendErrorMessage,
  useSendToIntegration,
} from '../api/send-to-integration';

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
}: {
  workspaceId: string;
  selection: SendSelection;
  /** The record in words, e.g. "APP-12" or "2027.1 — Offline first". */
  recordLabel: string;
  placement?: 'bottom-start' | 'bottom-end' | 'top-start' | 'top-end';
  compact?: boolean;
}) {
  const integrations = useEnabledIntegrations(workspaceId);
  const send = useSendToIntegration(workspaceId);
  const list = integrations.data ?? [];

  const onSend = (integrationId: string, name: string) =>
    send.mutate(
      { integrationId, ...selection },
      {
        onSuccess: (summary) => {
          // The record's link shows the rest (Sending… → the chip); only say when nothing moves.
          if (summary.creates + summary.updates + summary.links === 0)
            toast(`${recordLabel} is already up to date in ${name}`, { tone: 'info' });
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
            : 'inline-flex h-7 items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2.5 text-[12px] font-medium text-zinc-700 shadow-xs hover:bg-zinc-50 aria-expanded:bg-zinc-50 disabled:opacity-60'
        }
      >
        {send.isPending ? (
          <Spinner className="size-3.5" />
        ) : (
          <Send className="size-3.5" aria-hidden="true" />
        )}
        {send.isPending ? 'Sending…' : 'Send to…'}
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
          list.map((i) => (
            <MenuItem key={i.id} onSelect={() => onSend(i.id, i.name)}>
              Send to {i.name}
            </MenuItem>
          ))
        )}
      </MenuList>
    </Menu>
  );
}
