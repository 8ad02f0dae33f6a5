import type { SendSummary } from '@tandem/contracts';
import { clsx } from 'clsx';
import { ArrowRightLeft, CircleAlert, TriangleAlert } from 'lucide-react';

type Row = SendSummary['rows'][number];

const ACTION_WORDS: Record<Row['action'], string> = {
  create: 'Create',
  update: 'Update',
  link: 'Link',
  skip: 'Skip',
};
const ACTION_CLASS: Record<Row['action'], string> = {
  create: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  update: 'bg-sky-50 text-sky-800 ring-sky-200',
  link: 'bg-violet-50 text-violet-800 ring-violet-200',
  skip: 'bg-zinc-50 text-zinc-600 ring-zinc-200',
};
/**
 * The dry run as a table: one row per record with its action or why it is skipped, the counts by
 * kind (features and requirements apart), the releases it creates named, every warning (errors
 * first) with its fix, and the mapped fields that do not travel.
 */
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
  const releases = plan.rows.filter((r) => r.recordType === 'release' && r.action === 'create');
  return (
    <div className="space-y-3">
      <p className="text-[13px] text-zinc-700">
        <span className="font-medium text-zinc-900">Plan:</span> {plan.summary}.
      </p>
      {releases.length > 0 ? (
        <p className="text-[13px] text-zinc-700">
          First, {releases.length === 1 ? 'the release' : 'the releases'}{' '}
          {releases.map((r, i) => (
            <span key={r.recordId}>
              {i > 0 ? ', ' : ''}
              <span className="font-medium text-zinc-900">“{r.name ?? r.referenceNum}”</span>
            </span>
          ))}{' '}
          {releases.length === 1 ? 'is' : 'are'} created in {integrationName}.
        </p>
      ) : null}
      {/* Focusable: a long plan scrolls here, by keyboard too. */}
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard access
        tabIndex={0}
        aria-label="Records in this send"
        className="max-h-64 overflow-auto rounded-lg border border-zinc-200 focus-visible:ring-2 focus-visible:ring-accent-500/40 focus-visible:outline-none"
      >
        <table className="w-full text-left text-[13px]">
          <caption className="sr-only">Each record and what happens to it</caption>
          <thead className="sticky top-0 bg-zinc-50 text-[12px] text-zinc-500">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Record
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Action
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {plan.rows.map((row) => (
              <tr key={`${row.recordId}-${row.action}`} className="align-top">
                <td className="max-w-0 px-3 py-1.5">
                  <p className="truncate">
                    <span className="font-medium text-zinc-900 tabular-nums">
                      {row.referenceNum ?? row.recordType}
                    </span>{' '}
                    <span className="text-zinc-600">{row.name ?? ''}</span>
                  </p>
                  <p className="text-[11px] text-zinc-500">{row.recordType}</p>
                </td>
                <td className="w-[55%] px-3 py-1.5">
                  <span
                    className={clsx(
                      'mr-1.5 inline-flex rounded px-1.5 text-[11px] font-medium ring-1 ring-inset',
                      ACTION_CLASS[row.action],
                    )}
                  >
                    {ACTION_WORDS[row.action]}
                  </span>
                  <span className="text-zinc-700">{row.detail}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
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
                  <span className="font-medium">{w.referenceNum}:</span> {w.message}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {plan.oneWay.length > 0 ? (
        <ul aria-label="Fields that do not travel" className="space-y-1">
          {plan.oneWay.map((o) => (
            <li key={`${o.recordType}-${o.field}`} className="flex gap-2 text-[12px] text-zinc-600">
              <ArrowRightLeft
                className="mt-0.5 size-3.5 shrink-0 text-zinc-400"
                aria-hidden="true"
              />
              {o.message}
            </li>
          ))}
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
