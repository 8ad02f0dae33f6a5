import type { SendSummary } from '@tandem/contracts';
import { clsx } from 'clsx';
import { CircleAlert, TriangleAlert } from 'lucide-react';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-3 py-2">
      <dt className="text-[12px] text-zinc-500">{label}</dt>
      <dd className={clsx('text-lg font-semibold tabular-nums', value === 0 && 'text-zinc-400')}>
        {value}
      </dd>
    </div>
  );
}

/** The dry run in words and numbers, and every warning, errors first. */
export function SendPlanView({
  plan,
  integrationName,
}: {
  plan: SendSummary;
  integrationName: string;
}) {
  const warnings = [...plan.warnings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <div className="space-y-4">
      <p className="text-[13px] text-zinc-700">
        <span className="font-medium text-zinc-900">Plan:</span> {plan.summary}.
      </p>
      <dl aria-label={`What ${integrationName} will receive`} className="grid grid-cols-4 gap-2">
        <Count label="Create" value={plan.creates} />
        <Count label="Update" value={plan.updates} />
        <Count label="Link" value={plan.links} />
        <Count label="Skip" value={plan.skipped} />
      </dl>
      {warnings.length > 0 ? (
        <ul aria-label="Warnings" className="space-y-1.5">
          {warnings.map((w) => {
            const Icon = w.severity === 'error' ? CircleAlert : TriangleAlert;
            return (
              <li
                key={`${w.referenceNum}-${w.message}`}
                className={clsx(
                  'flex gap-2 rounded-md border px-2.5 py-1.5 text-[13px]',
                  w.severity === 'error'
                    ? 'border-red-200 bg-red-50 text-red-800'
                    : 'border-amber-200 bg-amber-50 text-amber-900',
                )}
              >
                <Icon className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
                <span>
                  <span className="font-medium">{w.referenceNum}</span> {w.message}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {plan.blocked ? (
        <p role="alert" className="text-[13px] font-medium text-red-700">
          Nothing can be sent until the errors above are fixed.
        </p>
      ) : null}
    </div>
  );
}
