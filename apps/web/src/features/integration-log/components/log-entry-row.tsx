import type { IntegrationLogEntry } from '@tandem/contracts';
import { clsx } from 'clsx';
import { ChevronRight } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';

const levelTone = { debug: 'neutral', info: 'accent', warn: 'warning', error: 'danger' } as const;
const levelName = { debug: 'Debug', info: 'Info', warn: 'Warning', error: 'Error' } as const;

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** One log line; opens to show its data (request, response, error), redacted when written. */
export function LogEntryRow({
  entry,
  highlighted,
  recordLabel,
}: {
  entry: IntegrationLogEntry;
  highlighted: boolean;
  recordLabel: string | null;
}) {
  const [open, setOpen] = useState(highlighted);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  const hasData = entry.data !== null && entry.data !== undefined;
  const detailsId = `log-entry-${entry.id}`;

  return (
    <li
      ref={ref}
      aria-label={`Log entry ${entry.id}`}
      aria-current={highlighted ? 'true' : undefined}
      className={clsx(highlighted && 'bg-amber-50/70 ring-2 ring-amber-300 ring-inset')}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
        className="grid w-full grid-cols-[1rem_8.5rem_5rem_7rem_minmax(0,1fr)] items-start gap-3 px-3 py-2.5 text-left text-[13px] hover:bg-zinc-50"
      >
        <ChevronRight
          className={clsx('mt-0.5 size-4 text-zinc-400 transition-transform', open && 'rotate-90')}
          aria-hidden="true"
        />
        <time dateTime={entry.createdAt} className="text-zinc-500 tabular-nums">
          {when(entry.createdAt)}
        </time>
        <span>
          <Badge tone={levelTone[entry.level]}>{levelName[entry.level]}</Badge>
        </span>
        <span className="truncate font-mono text-[12px] text-zinc-600">{entry.event}</span>
        <span className="min-w-0">
          <span
            className={clsx(
              'break-words',
              entry.level === 'error' ? 'text-red-800' : 'text-zinc-800',
            )}
          >
            {entry.message}
          </span>
          {entry.recordId ? (
            <span className="ml-2 text-[12px] text-zinc-500">
              {recordLabel ?? `${entry.recordType ?? 'record'} ${entry.recordId.slice(0, 8)}`}
            </span>
          ) : null}
        </span>
      </button>
      {open ? (
        <div id={detailsId} className="px-3 pb-3 pl-10">
          {hasData ? (
            <pre className="max-h-80 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-[12px] leading-relaxed text-zinc-100">
              {JSON.stringify(entry.data, null, 2)}
            </pre>
          ) : (
            <p className="text-[12px] text-zinc-500">No request or response data for this entry.</p>
          )}
          <p className="mt-1.5 text-[11px] text-zinc-500">
            Entry {entry.id} · secrets such as API keys and tokens are removed before anything is
            written to the log.
          </p>
        </div>
      ) : null}
    </li>
  );
}
