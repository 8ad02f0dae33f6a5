import type { RecordSyncOverviewView } from '@tandem/contracts';

/** Where one record stands with one integration, as the send control words it. */
export interface SendState {
  /** The button's words, e.g. "Send to Rally" or "In Rally — up to date". */
  label: string;
  /** The menu item's words. */
  item: string;
  /** One more line in the menu, e.g. why a link broke. */
  note?: string;
  tone: 'plain' | 'linked' | 'attention' | 'broken';
  /** When a change waits for the pause after text edits: the instant it goes by itself. */
  dueAt?: string;
}

const BROKEN: Record<string, (system: string) => string> = {
  deleted_remotely: (system) => `The record was deleted in ${system}.`,
  moved_out_of_scope: (system) =>
    `The record was moved in ${system} out of the project this integration follows.`,
};

/** "4:05" for 245 seconds; never negative. */
export function countdown(dueAt: string, now: number): string {
  const seconds = Math.max(0, Math.ceil((Date.parse(dueAt) - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function sendState(name: string, row: RecordSyncOverviewView | undefined): SendState {
  const inSystem = `In ${name}${row?.formattedId ? ` (${row.formattedId})` : ''}`;
  switch (row?.state) {
    case undefined:
    case 'unlinked':
      return { label: `Send to ${name}`, item: `Send to ${name}`, tone: 'plain' };
    case 'create_pending':
      return { label: `Sending to ${name}…`, item: `Send to ${name}`, tone: 'plain' };
    case 'linked':
      return {
        label: `In ${name} — up to date`,
        item: `${inSystem}: up to date — check again`,
        note: 'Nothing changed since it was last sent.',
        tone: 'linked',
      };
    case 'update_pending':
      return {
        label: `In ${name} — send changes now`,
        item: `Send changes to ${name} now`,
        note: 'Text edits wait five minutes after the last change, then go by themselves.',
        tone: 'linked',
        ...(row.dueAt ? { dueAt: row.dueAt } : {}),
      };
    case 'awaiting_approval':
      return {
        label: `In ${name} — waiting for approval`,
        item: `${inSystem}: changes wait for approval`,
        note: 'Approve or reject them in the Integrations section below.',
        tone: 'attention',
      };
    case 'conflict':
      return {
        label: `In ${name} — changed on both sides`,
        item: `${inSystem}: settle the conflict first`,
        note: 'Choose which side to keep in the notice at the top.',
        tone: 'attention',
      };
    case 'failed':
      return {
        label: `${name} — send failed`,
        item: `Try sending to ${name} again`,
        ...(row.error ? { note: row.error } : {}),
        tone: 'attention',
      };
    case 'link_broken':
      return {
        label: 'Link broken',
        item: `Link to ${name} broken`,
        note: `${(BROKEN[row.brokenReason ?? ''] ?? (() => 'The remote record is gone.'))(name)} Recreate and Unlink are not available yet.`,
        tone: 'broken',
      };
    default:
      return { label: `Send to ${name}`, item: `Send to ${name}`, tone: 'plain' };
  }
}
