import type { RecordMapping } from '@tandem/contracts';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useRemoteName } from '../../hooks/wizard-context';
import type { RemoteRecordType } from './api/get-remote-record-types';
import { KIND_LABEL, newMapping, type RoadmapKind, unmappedKinds } from './utils/mapping-editor';

/** Adds a mapping for a roadmap kind that has none (one per kind). */
export function AddMappingForm({
  mappings,
  types,
  onAdd,
}: {
  mappings: RecordMapping[];
  types: RemoteRecordType[];
  onAdd: (mapping: RecordMapping) => void;
}) {
  const remoteName = useRemoteName();
  const free = unmappedKinds(mappings);
  const [kind, setKind] = useState<RoadmapKind | ''>('');
  const [type, setType] = useState('');
  if (free.length === 0) return null;
  const chosenKind = kind === '' || !free.includes(kind) ? free[0]! : kind;
  const chosenType = type || types[0]?.id || '';
  return (
    <fieldset className="flex flex-wrap items-end gap-2 rounded-xl border border-dashed border-zinc-300 px-4 py-3">
      <legend className="px-1 text-[13px] font-medium text-zinc-700">Add a mapping</legend>
      <Select
        density="sm"
        className="w-44"
        aria-label="Tandem record to map"
        value={chosenKind}
        onChange={(e) => setKind(e.target.value as RoadmapKind)}
      >
        {free.map((k) => (
          <option key={k} value={k}>
            {`Tandem ${KIND_LABEL[k].toLowerCase()}`}
          </option>
        ))}
      </Select>
      <span className="pb-1.5 text-zinc-400">→</span>
      <Select
        density="sm"
        className="w-56"
        aria-label={`${remoteName} record type`}
        value={chosenType}
        onChange={(e) => setType(e.target.value)}
      >
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {`${remoteName} ${t.label}`}
          </option>
        ))}
      </Select>
      <Button
        size="sm"
        disabled={chosenType === ''}
        onClick={() => onAdd(newMapping(chosenKind, chosenType))}
      >
        <Plus className="size-3.5" aria-hidden="true" />
        Add mapping
      </Button>
    </fieldset>
  );
}
