import type { RecordLink } from '@tandem/contracts';

/** Where one sent record stands, as the progress list shows it. */
export type ItemOutcome = 'waiting' | 'sending' | 'linked' | 'failed' | 'attention';

export interface SendItem {
  id: string;
  referenceNum: string;
  name: string;
  /** `feature` unless said otherwise (a release sent with its features is an item too). */
  recordType?: 'feature' | 'release';
}

export interface ProgressItem extends SendItem {
  outcome: ItemOutcome;
  formattedId: string | null;
  url: string | null;
  error: string | null;
  logId: number | null;
}

export interface SendProgress {
  total: number;
  /** Items that reached an end: linked, failed or needing attention. */
  done: number;
  linked: number;
  failed: number;
  attention: number;
  /** 0–100, whole numbers. */
  percent: number;
  finished: boolean;
  items: ProgressItem[];
}

/** An outcome is final once the engine stopped working on the record. */
export const isFinal = (o: ItemOutcome) => o === 'linked' || o === 'failed' || o === 'attention';

/**
 * One record's outcome from its link to the integration sending it. No answer yet, or still
 * unlinked (its job has not started), is `waiting`; a create in flight is `sending`.
 */
export function itemOutcome(link: RecordLink | undefined): ItemOutcome {
  switch (link?.state) {
    case undefined:
    case 'unlinked':
      return 'waiting';
    case 'create_pending':
      return 'sending';
    case 'linked':
    case 'update_pending':
    case 'awaiting_approval':
      return link.formattedId ? 'linked' : 'sending';
    case 'failed':
    case 'link_broken':
      return 'failed';
    default:
      return 'attention';
  }
}

/** The progress of a send: each item's outcome and the counts the bar shows, in the items' order. */
export function aggregateProgress(
  items: readonly SendItem[],
  linkOf: (id: string) => RecordLink | undefined,
): SendProgress {
  const rows: ProgressItem[] = items.map((item) => {
    const link = linkOf(item.id);
    const outcome = itemOutcome(link);
    return {
      ...item,
      outcome,
      formattedId: link?.formattedId ?? null,
      url: link?.url ?? null,
      error: outcome === 'failed' ? (link?.lastError ?? 'The send failed') : null,
      logId: link?.lastLogId ?? null,
    };
  });
  const count = (o: ItemOutcome) => rows.filter((r) => r.outcome === o).length;
  const linked = count('linked');
  const failed = count('failed');
  const attention = count('attention');
  const done = linked + failed + attention;
  const total = rows.length;
  return {
    total,
    done,
    linked,
    failed,
    attention,
    percent: total === 0 ? 100 : Math.floor((done * 100) / total),
    finished: done === total,
    items: rows,
  };
}

/**
 * Which items to ask about now. A link arriving is pushed live, but a failure is not, so the
 * first `window` unfinished items (in send order, which is roughly the engine's order) are polled;
 * a thousand-feature send thus costs `window` requests a tick, not a thousand.
 */
export function pollWindow(progress: SendProgress, window = 12): Set<string> {
  const ids = new Set<string>();
  for (const item of progress.items) {
    if (ids.size >= window) break;
    if (!isFinal(item.outcome)) ids.add(item.id);
  }
  return ids;
}
