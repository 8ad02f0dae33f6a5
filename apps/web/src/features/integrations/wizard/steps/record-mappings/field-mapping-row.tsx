import type { FieldDirection, RecordMapping } from '@tandem/contracts';
import { ListTree, Settings, Trash2 } from 'lucide-react';
import { Fragment, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useRemoteName } from '../../hooks/wizard-context';
import type { RemoteField } from './api/get-remote-fields';
import type { RoadmapFieldOption } from './field-mappings-table';
import {
  directionLabels,
  KIND_LABEL,
  removeField,
  setStatusField,
  setValueMap,
  unmappedValues,
  updateField,
} from './utils/mapping-editor';
import { ValueMapEditor } from './value-map-editor';

/** One pair of fields; the Status row opens the status mapping, lists get a value map. */
export function FieldMappingRow({
  mapping,
  index,
  roadmapFields,
  remoteFields,
  onChange,
  onOpenStatuses,
}: {
  mapping: RecordMapping;
  index: number;
  roadmapFields: RoadmapFieldOption[];
  remoteFields: RemoteField[];
  onChange: (next: RecordMapping) => void;
  onOpenStatuses: () => void;
}) {
  const remoteName = useRemoteName();
  const field = mapping.fields[index]!;
  const [valuesOpen, setValuesOpen] = useState(false);
  const isStatus = field.roadmapField === 'status';
  const remote = remoteFields.find((f) => f.name === field.remoteField);
  const roadmap = roadmapFields.find((f) => f.key === field.roadmapField);
  const rowName = isStatus ? 'Status' : (roadmap?.label ?? field.roadmapField);
  const missingValues = unmappedValues(field, remote);
  const remoteChoices =
    remote || remoteFields.length === 0
      ? remoteFields
      : [
          {
            name: field.remoteField,
            label: `${field.remoteField} (not in ${remoteName})`,
            required: false,
            readOnly: false,
            type: '',
            allowedValues: null,
          },
          ...remoteFields,
        ];
  const mappedStates = mapping.status?.groups.reduce((n, g) => n + g.remoteStates.length, 0) ?? 0;
  const kind = KIND_LABEL[mapping.roadmapKind];

  return (
    <Fragment>
      <tr>
        <td className="py-1.5 pr-2">
          {isStatus ? (
            <span className="font-medium text-zinc-800">Status</span>
          ) : (
            <Select
              density="sm"
              aria-label={`Tandem field (row ${index + 1})`}
              value={field.roadmapField}
              onChange={(e) =>
                onChange(updateField(mapping, index, { roadmapField: e.target.value as never }))
              }
            >
              {roadmapFields
                .filter((f) => f.key !== 'status')
                .map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                  </option>
                ))}
            </Select>
          )}
        </td>
        <td className="py-1.5 pr-2">
          <Select
            density="sm"
            aria-label={`Direction for ${rowName}`}
            value={field.direction}
            onChange={(e) =>
              onChange(updateField(mapping, index, { direction: e.target.value as FieldDirection }))
            }
          >
            {Object.entries(directionLabels(remoteName)).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </td>
        <td className="py-1.5 pr-2">
          <Select
            density="sm"
            aria-label={`${remoteName} field for ${rowName}`}
            invalid={remoteFields.length > 0 && !remote}
            value={field.remoteField}
            onChange={(e) => {
              const next = updateField(mapping, index, { remoteField: e.target.value });
              onChange(isStatus ? setStatusField(next, e.target.value) : next);
            }}
          >
            {remoteChoices.length === 0 ? (
              <option value={field.remoteField}>{field.remoteField}</option>
            ) : null}
            {remoteChoices.map((f) => (
              <option key={f.name} value={f.name} disabled={f.readOnly && !isStatus}>
                {`${f.label}${f.required ? ' (required)' : ''}`}
              </option>
            ))}
          </Select>
        </td>
        <td className="py-1.5 text-right whitespace-nowrap">
          {isStatus ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={onOpenStatuses}
              aria-label={`Map statuses for ${kind}`}
            >
              <Settings className="size-3.5" aria-hidden="true" />
              {mappedStates > 0 ? `Statuses · ${mappedStates} mapped` : 'Map statuses'}
            </Button>
          ) : remote?.allowedValues ? (
            <Button
              size="sm"
              variant="ghost"
              aria-expanded={valuesOpen}
              onClick={() => setValuesOpen(!valuesOpen)}
              aria-label={`Values of ${rowName}`}
            >
              <ListTree className="size-3.5" aria-hidden="true" />
              {missingValues.length > 0 ? `${missingValues.length} unmapped` : 'Values'}
            </Button>
          ) : null}
          {!isStatus || mapping.fields.filter((f) => f.roadmapField === 'status').length > 1 ? (
            <Button
              size="icon"
              variant="ghost"
              aria-label={`Remove the ${rowName} mapping`}
              onClick={() => onChange(removeField(mapping, index))}
            >
              <Trash2 className="size-3.5" aria-hidden="true" />
            </Button>
          ) : null}
        </td>
      </tr>
      {valuesOpen && remote?.allowedValues ? (
        <tr>
          <td colSpan={4} className="pb-3">
            <ValueMapEditor
              label={rowName}
              entries={field.valueMap ?? []}
              roadmapOptions={roadmap?.options ?? []}
              remoteValues={remote.allowedValues.filter((v) => v !== '')}
              missing={missingValues}
              onChange={(entries) => onChange(setValueMap(mapping, index, entries))}
            />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
