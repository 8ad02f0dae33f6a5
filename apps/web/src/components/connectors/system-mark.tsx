import type { ConnectorPresentation, IntegrationSystem } from '@tandem/contracts';
import { clsx } from 'clsx';
import { useConnectorPresentation } from '@/api/connectors/get-connectors';

const TONES: Record<ConnectorPresentation['icon']['tone'], string> = {
  sky: 'bg-sky-100 text-sky-800',
  indigo: 'bg-indigo-100 text-indigo-800',
  violet: 'bg-violet-100 text-violet-800',
  emerald: 'bg-emerald-100 text-emerald-800',
  amber: 'bg-amber-100 text-amber-800',
  rose: 'bg-rose-100 text-rose-800',
};

/**
 * A small square telling one system from another at a glance, the connector's letter on its
 * tint (decorative: names say it too).
 */
export function SystemMark({
  system,
  className,
}: {
  system: IntegrationSystem;
  className?: string;
}) {
  const presentation = useConnectorPresentation(system);
  return (
    <span
      aria-hidden="true"
      title={presentation?.displayName}
      className={clsx(
        'flex size-7 shrink-0 items-center justify-center rounded-md text-[12px] font-bold',
        presentation ? TONES[presentation.icon.tone] : 'bg-zinc-100 text-zinc-500',
        className,
      )}
    >
      {presentation?.icon.letter ?? ''}
    </span>
  );
}
