import type { StatusCategory } from '@tandem/contracts';
import { clsx } from 'clsx';

/** Fallback colours by category when a status has none of its own. */
export const categoryColors: Record<StatusCategory, string> = {
  not_started: '#a1a1aa',
  in_progress: '#6366f1',
  done: '#10b981',
  wont_do: '#71717a',
};

/** A status's colour as a small ring (not started), half-filled (in progress) or a full dot. */
export function StatusDot({
  color,
  category,
  className,
}: {
  color?: string | undefined;
  category?: StatusCategory | undefined;
  className?: string;
}) {
  const c = color || (category ? categoryColors[category] : categoryColors.not_started);
  const style =
    category === 'not_started'
      ? { boxShadow: `inset 0 0 0 1.5px ${c}` }
      : category === 'in_progress'
        ? {
            background: `linear-gradient(90deg, ${c} 50%, transparent 50%)`,
            boxShadow: `inset 0 0 0 1.5px ${c}`,
          }
        : { background: c };
  return (
    <span
      aria-hidden="true"
      className={clsx('inline-block size-2.5 shrink-0 rounded-full', className)}
      style={style}
    />
  );
}
