import { clsx } from 'clsx';
import { CircleAlert, CircleCheck, CircleDashed, ExternalLink, ScrollText } from 'lucide-react';
import { Link } from 'react-router';
import { Spinner } from '@/components/ui/spinner';
import type { ProgressItem, SendProgress } from '../utils/send-progress';

/** The live bar ("7 of 10 sent") and one row per record with its outcome. */
export function SendProgressView({
  progress,
  integrationName,
  logHref,
}: {
  progress: SendProgress;
  integrationName: string;
  logHref: (item: ProgressItem) => string | null;
}) {
  const { done, total, linked, failed } = progress;
  const label = `${done} of ${total} sent`;
  return (
    <div className="space-y-3">
      <div>
        <div className="mb-1.5 flex items-baseline justify-between text-[13px]">
          <span className="font-medium text-zinc-900" aria-live="polite">
            {progress.finished
              ? `Done: ${linked} linked${failed ? `, ${failed} failed` : ''}`
              : `Sending to ${integrationName}…`}
          </span>
          <span className="text-zinc-500 tabular-nums">{label}</span>
        </div>
        <div
          role="progressbar"
          aria-label={`Sending to ${integrationName}`}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={label}
          className="h-2 overflow-hidden rounded-full bg-zinc-100"
        >
          <div
            className={clsx(
              'h-full rounded-full',
              // Eased while it moves; the finished bar is drawn full at once.
              !progress.finished && 'transition-[width] duration-300',
              failed ? 'bg-amber-500' : 'bg-emerald-500',
            )}
            style={{ width: `${progress.percent}%` }}
          />
        </div>
      </div>
      <ul
        aria-label="Results"
        className="max-h-72 divide-y divide-zinc-100 overflow-y-auto rounded-lg border border-zinc-200"
      >
        {progress.items.map((item) => (
          <ResultRow key={item.id} item={item} logHref={logHref(item)} />
        ))}
      </ul>
    </div>
  );
}

function ResultRow({ item, logHref }: { item: ProgressItem; logHref: string | null }) {
  return (
    <li aria-label={item.referenceNum} className="flex items-start gap-2.5 px-3 py-2 text-[13px]">
      <span className="mt-0.5">
        {item.outcome === 'linked' ? (
          <CircleCheck className="size-4 text-emerald-600" aria-label="Linked" />
        ) : item.outcome === 'failed' ? (
          <CircleAlert className="size-4 text-red-600" aria-label="Failed" />
        ) : item.outcome === 'sending' ? (
          <Spinner className="size-4 text-accent-600" label="Sending" />
        ) : item.outcome === 'attention' ? (
          <CircleAlert className="size-4 text-amber-600" aria-label="Needs attention" />
        ) : (
          <CircleDashed className="size-4 text-zinc-300" aria-label="Waiting" />
        )}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate">
          <span className="font-medium text-zinc-900">{item.referenceNum}</span>{' '}
          <span className="text-zinc-600">{item.name}</span>
        </p>
        {item.error ? (
          <p className="mt-0.5 text-[12px] text-red-700">
            {item.error}
            {logHref ? (
              <>
                {' · '}
                <Link
                  to={logHref}
                  className="inline-flex items-center gap-0.5 font-medium underline underline-offset-2"
                >
                  <ScrollText className="size-3" aria-hidden="true" />
                  Log entry
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {item.formattedId ? (
        item.url ? (
          <a
            href={item.url}
            target="_blank"
            rel="noreferrer noopener"
            className="inline-flex h-6 items-center gap-1 rounded-md bg-emerald-50 px-2 font-mono text-[12px] font-semibold text-emerald-800 ring-1 ring-emerald-200 ring-inset hover:bg-emerald-100"
          >
            {item.formattedId}
            <ExternalLink className="size-3" aria-hidden="true" />
          </a>
        ) : (
          <span className="font-mono text-[12px] font-semibold text-emerald-800">
            {item.formattedId}
          </span>
        )
      ) : null}
    </li>
  );
}
