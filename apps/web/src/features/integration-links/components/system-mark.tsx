import type { IntegrationSystem } from '@tandem/contracts';
import { clsx } from 'clsx';

const marks: Record<IntegrationSystem, { letter: string; className: string; name: string }> = {
  rally: { letter: 'R', className: 'bg-sky-100 text-sky-800', name: 'Rally' },
  azure_devops: { letter: 'A', className: 'bg-indigo-100 text-indigo-800', name: 'Azure DevOps' },
};

/** A small square telling Rally from Azure DevOps at a glance (decorative: names say it too). */
export function SystemMark({
  system,
  className,
}: {
  system: IntegrationSystem;
  className?: string;
}) {
  const mark = marks[system];
  return (
    <span
      aria-hidden="true"
      title={mark.name}
      className={clsx(
        'flex size-7 shrink-0 items-center justify-center rounded-md text-[12px] font-bold',
        mark.className,
        className,
      )}
    >
      {mark.letter}
    </span>
  );
}
