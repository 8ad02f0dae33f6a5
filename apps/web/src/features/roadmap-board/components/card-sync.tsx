import type { RecordSyncOverviewView } from '@tandem/contracts';
import { clsx } from 'clsx';
import { ExternalLink } from 'lucide-react';

/** The states a card calls out, in the words of the drawer. */
const BADGES: Record<string, { label: string; tone: 'red' | 'amber' | 'zinc' }> = {
  failed: { label: 'Send failed', tone: 'red' },
  conflict: { label: 'Conflict', tone: 'amber' },
  link_broken: { label: 'Link broken', tone: 'red' },
  awaiting_approval: { label: 'Awaiting approval', tone: 'amber' },
  create_pending: { label: 'Sending…', tone: 'zinc' },
};

const TONES = {
  red: 'bg-red-50 text-red-700 ring-red-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  zinc: 'bg-zinc-50 text-zinc-600 ring-zinc-200',
} as const;

/**
 * A card's sync state: each remote reference (opening the remote record) and a badge when a send
 * failed, both sides changed, the link broke or a change waits for approval.
 */
export function CardSync({ rows }: { rows: readonly RecordSyncOverviewView[] }) {
  if (rows.length === 0) return null;
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1">
      {rows.map((row) => {
        const badge = BADGES[row.state];
        return (
          <span key={row.integrationId} className="inline-flex min-w-0 items-center gap-1">
            {row.formattedId && row.url && row.state !== 'link_broken' ? (
              <a
                href={row.url}
                target="_blank"
                rel="noreferrer noopener"
                draggable={false}
                title={`Open ${row.formattedId} in ${row.integrationName}`}
                aria-label={`${row.formattedId} in ${row.integrationName} (opens in a new tab)`}
                className="inline-flex h-5 items-center gap-0.5 rounded bg-emerald-50 px-1.5 font-mono text-[11px] font-semibold text-emerald-800 ring-1 ring-emerald-200 ring-inset hover:bg-emerald-100"
              >
                {row.formattedId}
                <ExternalLink className="size-2.5" aria-hidden="true" />
              </a>
            ) : null}
            {badge ? (
              <span
                title={row.error ?? `${badge.label} (${row.integrationName})`}
                className={clsx(
                  'inline-flex h-5 items-center truncate rounded px-1.5 text-[11px] font-medium ring-1 ring-inset',
                  TONES[badge.tone],
                )}
              >
                {badge.label}
              </span>
            ) : null}
          </span>
        );
      })}
    </span>
  );
}
