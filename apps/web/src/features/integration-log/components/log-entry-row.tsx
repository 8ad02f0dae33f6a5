import type { IntegrationLogEntry } from '@tandem/contracts';
import { clsx } from 'clsx';
import { ChevronRight } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { eventLabel } from '../utils/event-labels';
import { formatLogData } from '../utils/format-log-data';

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
  recordHref,
  onShowCalls,
}: {
  entry: IntegrationLogEntry;
  highlighted: boolean;
  /** Where the entry's record opens (its drawer or page); null when it cannot be shown. */
  recordHref: (entry: IntegrationLogEntry) => string | null;
  /** Widens the log to the HTTP calls (of the same record, when the log is narrowed to one). */
  onShowCalls: () => void;
}) {
  const [open, setOpen] = useState(highlighted);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  const sections = open ? formatLogData(entry.data) : [];
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
        // Wide: one line per entry. Narrow: when, level and event, then the message below.
        className="grid w-full grid-cols-[1rem_auto_auto_minmax(0,1fr)] items-start gap-x-3 gap-y-1 px-3 py-2.5 text-left text-[13px] hover:bg-zinc-50 lg:grid-cols-[1rem_8.5rem_5rem_9rem_minmax(0,1fr)]"
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
        <span className="truncate text-[12px] leading-5 text-zinc-600" title={entry.event}>
          {eventLabel(entry.event)}
        </span>
        <span className="col-start-2 col-end-[-1] min-w-0 lg:col-start-auto lg:col-end-auto">
          <span
            className={clsx(
              'break-words',
              entry.level === 'error' ? 'text-red-800' : 'text-zinc-800',
            )}
          >
            {entry.message}
          </span>
        </span>
      </button>
      {entry.recordId ? <RecordLine entry={entry} href={recordHref(entry)} /> : null}
      {open ? (
        <div id={detailsId} className="px-3 pb-3 pl-10">
          {sections.length > 0 ? (
            <div className="space-y-2">
              {sections.map((section) => (
                <div key={section.label}>
                  <p className="mb-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
                    {section.label}
                  </p>
                  {/* A long body scrolls; as a labelled region it can be scrolled by keyboard too. */}
                  <section
                    aria-label={section.label}
                    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
                    tabIndex={0}
                    className="max-h-72 overflow-auto rounded-md bg-zinc-950 focus-visible:outline-2 focus-visible:outline-indigo-500"
                  >
                    <pre className="p-3 font-mono text-[12px] leading-relaxed whitespace-pre-wrap break-all text-zinc-100">
                      {section.text}
                    </pre>
                  </section>
                </div>
              ))}
            </div>
          ) : (
            <p className="text-[12px] text-zinc-600">
              This entry has no request or response of its own.{' '}
              <button
                type="button"
                onClick={onShowCalls}
                className="font-medium text-accent-700 underline underline-offset-2 hover:text-accent-600"
              >
                Show the HTTP calls
              </button>
            </p>
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

/**
 * The record an entry is about, under its message: reference and name, linked to the record
 * (outside the row's toggle, as a link cannot sit inside a button).
 */
function RecordLine({ entry, href }: { entry: IntegrationLogEntry; href: string | null }) {
  const type = entry.recordType ?? 'record';
  const label = entry.record
    ? `${entry.record.referenceNum} · ${entry.record.name}`
    : `A ${type} no longer in this workspace`;
  return (
    <p className="-mt-1.5 truncate pr-3 pb-2.5 pl-10 text-[12px] text-zinc-500 lg:pl-[27.25rem]">
      <span className="sr-only">{type}: </span>
      {entry.record && href ? (
        <Link
          to={href}
          className="font-medium text-accent-700 underline-offset-2 hover:underline focus-visible:underline"
        >
          {label}
        </Link>
      ) : (
        label
      )}
    </p>
  );
}
