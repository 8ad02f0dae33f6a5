import type { FieldDirection, RecordMapping } from '@tandem/contracts';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useRemoteName } from '../../hooks/wizard-context';
import type { RemoteField } from './api/get-remote-fields';
import {
  addLink,
  directionLabels,
  KIND_LABEL,
  PARENT_KINDS,
  type RoadmapKind,
  removeLink,
  updateLink,
} from './utils/mapping-editor';

/**
 * "Linked to": which parent a record hangs under, in both tools. Without it, records sent to the
 * remote are not put under their parent, and new remote records are not brought in by themselves.
 */
export function RelationshipLinks({
  mapping,
  otherKinds,
  remoteFields,
  onChange,
}: {
  mapping: RecordMapping;
  otherKinds: RoadmapKind[];
  remoteFields: RemoteField[];
  onChange: (next: RecordMapping) => void;
}) {
  const remoteName = useRemoteName();
  const kind = KIND_LABEL[mapping.roadmapKind].toLowerCase();
  const free = otherKinds.filter(
    (k) =>
      PARENT_KINDS[mapping.roadmapKind].includes(k) &&
      !mapping.links.some((l) => l.parentKind === k),
  );
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-zinc-900">Linked to</h3>
      <p className="text-[13px] text-zinc-600">
        {`Which records a ${kind} belongs to. With a link, a ${kind} sent to ${remoteName} is placed under its parent there, and ${kind}s created in ${remoteName} under a linked parent are brought into Tandem.`}
      </p>
      {mapping.links.length === 0 ? (
        <p className="text-[13px] text-zinc-500">
          {PARENT_KINDS[mapping.roadmapKind].length === 0
            ? `A ${kind} has no parent record in Tandem.`
            : `No links: ${kind}s are sent on their own.`}
        </p>
      ) : (
        <ul className="space-y-1.5" aria-label={`Parents of a ${kind}`}>
          <li
            aria-hidden="true"
            className="grid grid-cols-[9rem_10rem_10rem_auto] gap-2 text-xs text-zinc-500"
          >
            <span>Parent</span>
            <span>{`${remoteName} field`}</span>
            <span>Direction</span>
          </li>
          {mapping.links.map((link, i) => (
            <li
              key={link.parentKind}
              className="grid grid-cols-[9rem_10rem_10rem_auto] items-center gap-2 text-sm"
            >
              <span className="text-zinc-700">{`Its ${KIND_LABEL[link.parentKind].toLowerCase()}`}</span>
              <Select
                density="sm"
                aria-label={`${remoteName} field linking to the ${KIND_LABEL[link.parentKind].toLowerCase()}`}
                value={link.remoteField}
                onChange={(e) => onChange(updateLink(mapping, i, { remoteField: e.target.value }))}
              >
                {remoteFields.some((f) => f.name === link.remoteField) ? null : (
                  <option value={link.remoteField}>{link.remoteField}</option>
                )}
                {remoteFields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label}
                  </option>
                ))}
              </Select>
              <Select
                density="sm"
                aria-label={`Direction of the link to the ${KIND_LABEL[link.parentKind].toLowerCase()}`}
                value={link.direction}
                onChange={(e) =>
                  onChange(updateLink(mapping, i, { direction: e.target.value as FieldDirection }))
                }
              >
                {Object.entries(directionLabels(remoteName)).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
              <Button
                size="icon"
                variant="ghost"
                aria-label={`Remove the link to the ${KIND_LABEL[link.parentKind].toLowerCase()}`}
                onClick={() => onChange(removeLink(mapping, i))}
              >
                <Trash2 className="size-3.5" aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {free.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {free.map((parent) => (
            <Button
              key={parent}
              size="sm"
              onClick={() =>
                onChange(
                  addLink(mapping, {
                    parentKind: parent,
                    remoteField: parent === 'release' ? 'Release' : 'Parent',
                    direction: 'both',
                  }),
                )
              }
            >
              <Plus className="size-3.5" aria-hidden="true" />
              {`Link to ${KIND_LABEL[parent].toLowerCase()}`}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
