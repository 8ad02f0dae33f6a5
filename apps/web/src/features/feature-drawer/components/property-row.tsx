import type { ReactNode } from 'react';

/** One line of the drawer's properties: the label on the left, the control on the right. */
export function PropertyRow({
  id,
  label,
  required,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="grid grid-cols-[9rem_1fr] items-start gap-3 py-0.5">
      <label htmlFor={id} className="pt-2 text-[13px] text-zinc-500">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-500" title="Required">
            *
          </span>
        ) : null}
      </label>
      <div className="max-w-sm min-w-0">
        {children}
        {hint && !error ? <p className="mt-0.5 px-2.5 text-[12px] text-zinc-500">{hint}</p> : null}
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-[12px] text-red-600">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
