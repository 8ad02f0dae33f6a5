import type { IntegrationSystem } from '@tandem/contracts';
import { ExternalLink } from 'lucide-react';
import { useSystemName } from '@/api/connectors/get-connectors';

/** The remote record's id (e.g. F1042), opening the record in its system in a new tab. */
export function LinkChip({
  formattedId,
  url,
  system,
  label,
}: {
  formattedId: string;
  url: string | null;
  system: IntegrationSystem;
  /** Text in place of the id, e.g. "In <system>" for a release, whose id is its name. */
  label?: string;
}) {
  const systemName = useSystemName();
  const className = `inline-flex h-6 items-center gap-1 rounded-md bg-emerald-50 px-2 text-[12px] font-semibold text-emerald-800 ring-1 ring-emerald-200 ring-inset ${label ? '' : 'font-mono'}`;
  if (!url) return <span className={className}>{label ?? formattedId}</span>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      aria-label={`${formattedId}, open in ${systemName(system)}`}
      className={`${className} hover:bg-emerald-100 hover:ring-emerald-300`}
    >
      {label ?? formattedId}
      <ExternalLink className="size-3" aria-hidden="true" />
    </a>
  );
}
