import { clsx } from 'clsx';
import { Check, CircleAlert } from 'lucide-react';
import { Spinner } from '@/components/ui/spinner';
import { type AutosaveState, autosaveLabel } from '../utils/autosave';

/** "Saving…", "Saved", "Conflict" or "Not saved", announced politely (the banner below explains). */
export function SaveIndicator({ state }: { state: AutosaveState }) {
  const label = autosaveLabel(state);
  return (
    <div
      className="flex items-center gap-1.5 text-[12px]"
      role="status"
      aria-live="polite"
      aria-label={label ? `Save state: ${label}` : undefined}
    >
      {state.status === 'pending' || state.status === 'saving' ? (
        <Spinner className="size-3 text-zinc-400" />
      ) : null}
      {state.status === 'saved' ? (
        <Check className="size-3.5 text-emerald-600" aria-hidden="true" />
      ) : null}
      {state.status === 'conflict' || state.status === 'error' ? (
        <CircleAlert className="size-3.5 text-amber-600" aria-hidden="true" />
      ) : null}
      <span
        className={clsx(
          state.status === 'conflict' || state.status === 'error'
            ? 'font-medium text-amber-700'
            : 'text-zinc-500',
        )}
      >
        {label}
      </span>
    </div>
  );
}
