import { clsx } from 'clsx';
import type { ComponentProps } from 'react';

export function Label({ className, children, ...props }: ComponentProps<'label'>) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: callers pass htmlFor
    <label className={clsx('block text-[13px] font-medium text-zinc-700', className)} {...props}>
      {children}
    </label>
  );
}
