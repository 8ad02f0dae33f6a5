import type { PreflightReportView } from '@tandem/contracts';
import { CircleAlert, CircleCheck, ShieldCheck, TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { useRemoteName } from '../../hooks/wizard-context';
import { groupIssues } from './utils/preflight-groups';

/**
 * The pre-flight check: what the remote would refuse or lose if records were sent with these mappings
 * (required fields left unmapped, values without a pair), found before anything is sent. Problems
 * that block are listed; notes that only warn are folded per record mapping.
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
  const remoteName = useRemoteName();
  const groups = report ? groupIssues(report.issues, remoteName) : [];
  const errors = groups.reduce((n, g) => n + g.errors.length, 0);
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
      <div aria-live="polite" className="mt-2 space-y-3 text-[13px]">
        {report === null ? (
          <p className="text-zinc-600">
            {`Checks these mappings against your ${remoteName} project before anything is sent. It also runs when you continue.`}
          </p>
        ) : errors === 0 ? (
          <p className="flex items-center gap-2 text-emerald-700">
            <CircleCheck className="size-4" aria-hidden="true" />
            {`Everything ${remoteName} requires is mapped. Nothing has been sent yet.`}
          </p>
        ) : (
          <p className="font-medium text-red-700">
            {`${errors} ${errors === 1 ? 'problem' : 'problems'} to fix before continuing: ${remoteName} would refuse these records.`}
          </p>
        )}
        {groups.map((group) => (
          <div key={group.title}>
            {group.errors.length > 0 ? (
              <>
                <p className="font-medium text-zinc-800">{group.title}</p>
                <ul className="mt-1 space-y-1">
                  {group.errors.map((message) => (
                    <li key={message} className="flex gap-2 text-red-700">
                      <CircleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
                      <span>{message}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {group.warnings.length > 0 ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-amber-800">
                  {`${group.title}: ${group.warnings.length} ${group.warnings.length === 1 ? 'note' : 'notes'} worth a look (they do not stop you)`}
                </summary>
                <ul className="mt-1 space-y-1 pl-1">
                  {group.warnings.map((message) => (
                    <li key={message} className="flex gap-2 text-amber-800">
                      <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
                      <span>{message}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        ))}
      </div>
    </section>
  );
}
