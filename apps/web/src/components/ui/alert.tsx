import { clsx } from 'clsx';
import { CircleAlert, Info } from 'lucide-react';
import type { ReactNode } from 'react';

const tones = {
  error: { box: 'border-red-200 bg-red-50 text-red-800', icon: CircleAlert },
  info: { box: 'border-accent-200 bg-accent-50 text-accent-700', icon: Info },
  warning: { box: 'border-amber-200 bg-amber-50 text-amber-900', icon: CircleAlert },
} as const;

/** A message about the whole form or page; announced by screen readers when it appears. */
export function Alert({
  tone = 'error',
  title,
  children,
  className,
}: {
  tone?: keyof typeof tones;
  title?: string;
  children: ReactNode;
  className?: string;
}) {
  const { box, icon: Icon } = tones[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={clsx('flex gap-2.5 rounded-lg border px-3 py-2.5 text-[13px]', box, className)}
    >
      <Icon className="mt-px size-4 shrink-0" aria-hidden="true" />
      <div className="space-y-0.5">
        {title ? <p className="font-medium">{title}</p> : null}
        <div>{children}</div>
      </div>
    </div>
  );
}
