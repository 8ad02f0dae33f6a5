import type { RecordMapping } from '@tandem/contracts';
import { ArrowRight, ChevronDown, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useRemoteName, useWizardIntegration } from '../../hooks/wizard-context';
import { useRemoteFields } from './api/get-remote-fields';
import type { RemoteRecordType } from './api/get-remote-record-types';
import { FieldMappingsTable } from './field-mappings-table';
import { RelationshipLinks } from './relationship-links';
import {
  changeRemoteType,
  KIND_LABEL,
  type RoadmapKind,
  unmappedRequiredFields,
} from './utils/mapping-editor';

/** One record mapping: the pair of record kinds, then (opened) its fields and links. */
export function MappingCard({
  mapping,
  types,
  otherKinds,
  onChange,
  onRemove,
  onOpenStatuses,
}: {
  mapping: RecordMapping;
  types: RemoteRecordType[];
  otherKinds: RoadmapKind[];
  onChange: (next: RecordMapping) => void;
  onRemove: () => void;
  onOpenStatuses: () => void;
}) {
  const remoteName = useRemoteName();
  const { workspace, integration } = useWizardIntegration();
  const fields = useRemoteFields(workspace.id, integration.id, mapping.remoteType);
  const [open, setOpen] = useState(false);
  const kind = KIND_LABEL[mapping.roadmapKind];
  const missing = unmappedRequiredFields(mapping, fields.data ?? []);
  const typeChoices = types.some((t) => t.id === mapping.remoteType)
    ? types
    : [{ id: mapping.remoteType, label: mapping.remoteType, parentTypes: [] }, ...types];
  const panelId = `mapping-${mapping.roadmapKind}-fields`;

  return (
    <section
      aria-label={`${kind} mapping`}
      className="rounded-xl border border-zinc-200 bg-white shadow-xs"
    >
      <div className="flex flex-wrap items-center gap-3 px-4 py-3">
        <span className="rounded-md bg-zinc-100 px-2.5 py-1 text-sm font-medium text-zinc-800">
          Tandem {kind.toLowerCase()}
        </span>
        <ArrowRight className="size-4 text-zinc-400" aria-hidden="true" />
        <label className="sr-only" htmlFor={`remote-type-${mapping.roadmapKind}`}>
          {`${remoteName} record type for ${kind.toLowerCase()}s`}
        </label>
        <Select
          id={`remote-type-${mapping.roadmapKind}`}
          className="w-52"
          density="sm"
          value={mapping.remoteType}
          onChange={(e) => onChange(changeRemoteType(mapping, e.target.value))}
        >
          {typeChoices.map((t) => (
            <option key={t.id} value={t.id}>
              {`${remoteName} ${t.label}`}
            </option>
          ))}
        </Select>
        {missing.length > 0 ? (
          <span className="text-[13px] text-amber-700">
            {`${missing.length} required ${remoteName} ${missing.length === 1 ? 'field' : 'fields'} not mapped`}
          </span>
        ) : null}
        <div className="ml-auto flex shrink-0 items-center gap-1">
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={`Field mappings for ${kind.toLowerCase()}`}
            onClick={() => setOpen(!open)}
          >
            <ChevronDown
              className={
                open ? 'size-4 rotate-180 transition-transform' : 'size-4 transition-transform'
              }
              aria-hidden="true"
            />
            Field mappings
          </Button>
          <Button
            size="icon"
            variant="ghost"
            aria-label={`Remove the ${kind.toLowerCase()} mapping`}
            onClick={onRemove}
          >
            <Trash2 className="size-4" aria-hidden="true" />
          </Button>
        </div>
      </div>
      {open ? (
        <div id={panelId} className="space-y-5 border-t border-zinc-100 px-4 py-4">
          <FieldMappingsTable
            mapping={mapping}
            remoteFields={fields.data ?? []}
            loading={fields.isPending}
            onChange={onChange}
            onOpenStatuses={onOpenStatuses}
          />
          <RelationshipLinks
            mapping={mapping}
            otherKinds={otherKinds}
            remoteFields={fields.data ?? []}
            onChange={onChange}
          />
        </div>
      ) : null}
    </section>
  );
}
