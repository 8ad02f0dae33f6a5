import type { RecordMapping } from '@tandem/contracts';
import { Plus } from 'lucide-react';
import { useCustomFields } from '@/api/roadmap/get-custom-fields';
import { Button } from '@/components/ui/button';
import { useRemoteName, useWizardIntegration } from '../../hooks/wizard-context';
import type { RemoteField } from './api/get-remote-fields';
import { FieldMappingRow } from './field-mapping-row';
import { addField, KIND_LABEL, STANDARD_FIELD_LABEL } from './utils/mapping-editor';

export interface RoadmapFieldOption {
  key: string;
  label: string;
  options: string[];
}

/** Which details of a record travel to the remote and back, one row per pair of fields. */
export function FieldMappingsTable({
  mapping,
  remoteFields,
  loading,
  onChange,
  onOpenStatuses,
}: {
  mapping: RecordMapping;
  remoteFields: RemoteField[];
  loading: boolean;
  onChange: (next: RecordMapping) => void;
  onOpenStatuses: () => void;
}) {
  const remoteName = useRemoteName();
  const { workspace } = useWizardIntegration();
  const custom = useCustomFields(workspace.id);
  const roadmapFields: RoadmapFieldOption[] = [
    ...Object.entries(STANDARD_FIELD_LABEL).map(([key, label]) => ({ key, label, options: [] })),
    ...(custom.data ?? [])
      .filter((f) => f.recordType === mapping.roadmapKind)
      .map((f) => ({ key: `custom:${f.key}`, label: f.label, options: f.options })),
  ];
  const firstFree = remoteFields.find(
    (f) => !f.readOnly && !mapping.fields.some((m) => m.remoteField === f.name),
  );
  const kind = KIND_LABEL[mapping.roadmapKind].toLowerCase();

  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-zinc-900">Field mappings</h3>
      <table className="w-full table-fixed text-sm">
        <caption className="sr-only">{`Field mappings for ${kind}`}</caption>
        <thead>
          <tr className="text-left text-xs text-zinc-500">
            <th scope="col" className="w-[24%] pb-1.5 font-medium">
              Tandem field
            </th>
            <th scope="col" className="w-[24%] pb-1.5 font-medium">
              Direction
            </th>
            <th scope="col" className="w-[28%] pb-1.5 font-medium">
              {`${remoteName} field`}
            </th>
            <th scope="col" className="pb-1.5 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {mapping.fields.map((_field, index) => (
            <FieldMappingRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
              key={index}
              mapping={mapping}
              index={index}
              roadmapFields={roadmapFields}
              remoteFields={remoteFields}
              onChange={onChange}
              onOpenStatuses={onOpenStatuses}
            />
          ))}
        </tbody>
      </table>
      {loading ? (
        <p className="text-[13px] text-zinc-500">{`Loading ${remoteName}’s fields…`}</p>
      ) : null}
      <Button
        size="sm"
        disabled={!firstFree}
        onClick={() =>
          firstFree &&
          onChange(
            addField(mapping, {
              roadmapField: 'description',
              remoteField: firstFree.name,
              direction: 'to_remote',
            }),
          )
        }
      >
        <Plus className="size-3.5" aria-hidden="true" />
        {`Add field mapping to ${kind}`}
      </Button>
    </div>
  );
}
