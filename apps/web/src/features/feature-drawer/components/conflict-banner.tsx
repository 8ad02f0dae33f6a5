import { TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** Shown when a save was refused because someone else saved first; the user's edits are kept. */
export function ConflictBanner({
  onReload,
  onOverwrite,
}: {
  onReload: () => void;
  onOverwrite: () => void;
}) {
  return (
    <div
      role="alert"
      className="mx-6 mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3.5 py-2.5"
    >
      <TriangleAlert className="size-4 shrink-0 text-amber-600" aria-hidden="true" />
      <div className="min-w-0 flex-1 text-[13px]">
        <p className="font-medium text-amber-900">Someone else changed this feature</p>
        <p className="text-amber-800">
          Your edits are kept here but not saved. Reload to see theirs, or overwrite with yours.
        </p>
      </div>
      <div className="flex gap-2">
        <Button size="sm" onClick={onReload}>
          Reload
        </Button>
        <Button size="sm" variant="primary" onClick={onOverwrite}>
          Overwrite
        </Button>
      </div>
    </div>
  );
}
