import type { PreflightReportView } from '@tandem/contracts';
import { CircleAlert, CircleCheck, ShieldCheck, TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

/**
 * The pre-flight check: what Rally would refuse or lose if records were sent with these mappings
 * (required fields left unmapped, values without a pair), found before anything is sent.
 */
export function PreflightPanel({
  report,
  running,
  onRun,
}: {
  report: PreflightReportView | null;
  running: boolean;
  onRun: () => void;
}) {
  const errors = report?.issues.filter((i) => i.severity === 'error') ?? [];
  const warnings = report?.issues.filter((i) => i.severity === 'warning') ?? [];
  return (
    <section
      aria-labelledby="preflight-title"
      className="rounded-xl border border-zinc-200 bg-zinc-50/70 px-4 py-3"
    >
      <div className="flex items-center justify-between gap-3">
        <h3
          id="preflight-title"
          className="flex items-center gap-2 text-sm font-semibold text-zinc-900"
        >
          <ShieldCheck className="size-4 text-accent-600" aria-hidden="true" />
          Pre-flight check
        </h3>
        <Button size="sm" loading={running} onClick={onRun}>
          Check mappings
        </Button>
      </div>
      <div aria-live="polite" className="mt-2 text-[13px]">
        {report === null ? (
          <p className="text-zinc-600">
            Checks these mappings against your Rally project before anything is sent. It also runs
            when you continue.
          </p>
        ) : report.issues.length === 0 ? (
          <p className="flex items-center gap-2 text-emerald-700">
            <CircleCheck className="size-4" aria-hidden="true" />
            Everything Rally requires is mapped. Nothing has been sent yet.
          </p>
        ) : (
          <div className="space-y-2">
            <p className="font-medium text-zinc-800">
              {errors.length > 0
                ? `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix before continuing`
                : 'Worth a look, but you can continue'}
            </p>
            <ul className="space-y-1">
              {[...errors, ...warnings].map((issue, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id
                  key={i}
                  className={
                    issue.severity === 'error'
                      ? 'flex gap-2 text-red-700'
                      : 'flex gap-2 text-amber-800'
                  }
                >
                  {issue.severity === 'error' ? (
                    <CircleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
                  ) : (
                    <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
                  )}
                  <span>{issue.message}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
