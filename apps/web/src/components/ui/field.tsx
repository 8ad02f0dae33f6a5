import type { ReactNode } from 'react';
import { Label } from './label';

/** The ids and aria attributes that tie a control to its label, hint and error. */
export function fieldControlProps(id: string, error?: string, hasHint = false) {
  const describedBy = [error ? `${id}-error` : null, hasHint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return {
    id,
    invalid: Boolean(error),
    'aria-describedby': describedBy || undefined,
  };
}

export function Field({
  id,
  label,
  error,
  hint,
  trailing,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Something on the label's line, right-aligned (e.g. a "Forgot password?" link). */
  trailing?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between">
        <Label htmlFor={id}>{label}</Label>
        {trailing}
      </div>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-[13px] text-zinc-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-[13px] text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
