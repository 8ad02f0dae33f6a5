import { clsx } from 'clsx';
import type { ComponentProps } from 'react';

export type InputProps = ComponentProps<'input'> & { invalid?: boolean };

export function Input({ className, invalid = false, ...props }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={clsx(
        'block h-9 w-full rounded-md border bg-white px-3 text-sm text-zinc-900 shadow-xs transition-colors placeholder:text-zinc-400',
        'focus:outline-none focus-visible:outline-none focus:ring-3',
        invalid
          ? 'border-red-400 focus:border-red-500 focus:ring-red-500/15'
          : 'border-zinc-300 hover:border-zinc-400 focus:border-accent-500 focus:ring-accent-500/20',
        'disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500',
        className,
      )}
      {...props}
    />
  );
}
