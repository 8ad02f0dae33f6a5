import type { ValueMapEntry } from '@tandem/contracts';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useRemoteName } from '../../hooks/wizard-context';

/**
 * For fields with a fixed list of values: which Tandem value means which remote value. A value
 * without a pair is not written, and the pre-flight check lists it.
 */
export function ValueMapEditor({
  label,
  entries,
  roadmapOptions,
  remoteValues,
  missing,
  onChange,
}: {
  label: string;
  entries: ValueMapEntry[];
  roadmapOptions: string[];
  remoteValues: string[];
  missing: string[];
  onChange: (entries: ValueMapEntry[]) => void;
}) {
  const remoteName = useRemoteName();
  const set = (i: number, patch: Partial<ValueMapEntry>) =>
    onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <fieldset className="space-y-2 rounded-lg bg-zinc-50 px-3 py-3">
      <legend className="sr-only">{`Values of ${label}`}</legend>
      <p className="text-[13px] text-zinc-600">
        {`Match each value of ${label} in Tandem with the ${remoteName} value that means the same.`}
      </p>
      {entries.map((entry, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: pairs are edited in place by position
        <div key={i} className="flex items-center gap-2">
          {roadmapOptions.length > 0 ? (
            <Select
              density="sm"
              className="w-48"
              aria-label={`Tandem value ${i + 1}`}
              value={entry.roadmap}
              onChange={(e) => set(i, { roadmap: e.target.value })}
            >
              {roadmapOptions.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </Select>
          ) : (
            <Input
              className="h-8 w-48"
              aria-label={`Tandem value ${i + 1}`}
              value={entry.roadmap}
              onChange={(e) => set(i, { roadmap: e.target.value })}
            />
          )}
          <span aria-hidden="true" className="text-zinc-400">
            ↔
          </span>
          <Select
            density="sm"
            className="w-48"
            aria-label={`${remoteName} value ${i + 1}`}
            value={entry.remote}
            onChange={(e) => set(i, { remote: e.target.value })}
          >
            {remoteValues.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </Select>
          <Button
            size="icon"
            variant="ghost"
            aria-label={`Remove value pair ${i + 1}`}
            onClick={() => onChange(entries.filter((_, j) => j !== i))}
          >
            <Trash2 className="size-3.5" aria-hidden="true" />
          </Button>
        </div>
      ))}
      {missing.length > 0 ? (
        <p className="text-[13px] text-amber-700">{`${remoteName} values nothing maps to yet: ${missing.join(', ')}`}</p>
      ) : null}
      <Button
        size="sm"
        onClick={() =>
          onChange([
            ...entries,
            { roadmap: roadmapOptions[0] ?? '', remote: missing[0] ?? remoteValues[0] ?? '' },
          ])
        }
      >
        <Plus className="size-3.5" aria-hidden="true" />
        Add value pair
      </Button>
    </fieldset>
  );
}
