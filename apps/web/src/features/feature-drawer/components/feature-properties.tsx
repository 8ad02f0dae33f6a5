import type {
  CustomFieldDefinition,
  Feature,
  Initiative,
  Member,
  Release,
  SessionWorkspace,
  WorkflowStatus,
} from '@tandem/contracts';
import { useId, useState } from 'react';
import { CustomFieldInput } from '@/components/roadmap/custom-field-input';
import { StatusDot } from '@/components/roadmap/status-dot';
import { Avatar } from '@/components/ui/avatar';
import { Select } from '@/components/ui/select';
import type { FeaturePatch } from '../utils/autosave';
import { PropertyRow } from './property-row';
import { TagInput } from './tag-input';

type Values = Pick<
  Feature,
  'statusId' | 'releaseId' | 'initiativeId' | 'assigneeId' | 'tags' | 'score' | 'customFields'
>;

/** Status, release, initiative, assignee, tags, score and custom fields, each saved on change. */
export function FeatureProperties({
  values,
  onEdit,
  disabled,
  statuses,
  releases,
  initiatives,
  members,
  customFields,
  workspaceId,
  workspaces,
  hints = {},
}: {
  values: Values;
  onEdit: (patch: FeaturePatch) => void;
  disabled: boolean;
  statuses: readonly WorkflowStatus[];
  releases: readonly Release[];
  initiatives: readonly Initiative[];
  members: readonly Member[];
  customFields: readonly CustomFieldDefinition[];
  workspaceId: string;
  workspaces: readonly SessionWorkspace[];
  /** A word under a field, by its key (`status`, `release`, …): e.g. that it does not travel. */
  hints?: Readonly<Record<string, string>>;
}) {
  const id = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [score, setScore] = useState(values.score == null ? '' : String(values.score));
  /** Custom field text as typed, so clearing a required field to retype it is possible. */
  const [draft, setDraft] = useState<Record<string, string | number | null>>({});
  const own = initiatives.filter((i) => i.workspaceId === workspaceId);
  const others = initiatives.filter((i) => i.workspaceId !== workspaceId);
  const workspaceName = (wid: string) =>
    workspaces.find((w) => w.id === wid)?.name ?? 'Other workspace';
  const otherGroups = [...new Set(others.map((i) => i.workspaceId))];

  const status = statuses.find((s) => s.id === values.statusId);
  const assignee = members.find((m) => m.userId === values.assigneeId);
  const initiative = initiatives.find((i) => i.id === values.initiativeId);

  const setError = (key: string, message: string | null) =>
    setErrors(({ [key]: _, ...rest }) => (message ? { ...rest, [key]: message } : rest));

  const onScore = (text: string) => {
    setScore(text);
    const n = text.trim() === '' ? null : Number(text);
    if (n !== null && (!Number.isFinite(n) || n < 0 || n > 10_000)) {
      return setError('score', 'Use a number from 0 to 10,000');
    }
    setError('score', null);
    onEdit({ score: n });
  };

  const onCustomField = (field: CustomFieldDefinition, value: string | number | null) => {
    const key = `customFields.${field.key}`;
    setDraft((d) => ({ ...d, [field.key]: value }));
    const next = { ...values.customFields, [field.key]: value };
    if (field.required && (value == null || String(value).trim() === '')) {
      // Keep the other fields saving; this one waits for a value.
      return setError(key, `${field.label} is required`);
    }
    setError(key, null);
    onEdit({ customFields: next });
  };

  return (
    <div className="divide-y divide-transparent">
      <PropertyRow id={`${id}-status`} label="Status" hint={hints.status}>
        <Select
          id={`${id}-status`}
          density="sm"
          appearance="ghost"
          leading={<StatusDot color={status?.color} category={status?.category} />}
          disabled={disabled}
          value={values.statusId}
          onChange={(e) => onEdit({ statusId: e.target.value })}
        >
          {statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </PropertyRow>
      <PropertyRow id={`${id}-release`} label="Release" hint={hints.release}>
        <Select
          id={`${id}-release`}
          density="sm"
          appearance="ghost"
          disabled={disabled}
          value={values.releaseId}
          onChange={(e) => onEdit({ releaseId: e.target.value })}
        >
          {releases.map((r) => (
            <option key={r.id} value={r.id}>
              {r.parkingLot ? `${r.name} (parking lot)` : r.name}
            </option>
          ))}
        </Select>
      </PropertyRow>
      <PropertyRow
        id={`${id}-initiative`}
        label="Initiative"
        hint={
          initiative && initiative.workspaceId !== workspaceId
            ? `Lives in ${workspaceName(initiative.workspaceId)}`
            : undefined
        }
      >
        <Select
          id={`${id}-initiative`}
          density="sm"
          appearance="ghost"
          disabled={disabled}
          value={values.initiativeId ?? ''}
          onChange={(e) => onEdit({ initiativeId: e.target.value || null })}
        >
          <option value="">No initiative</option>
          {own.length > 0 ? (
            <optgroup label="This workspace">
              {own.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {otherGroups.map((wid) => (
            <optgroup key={wid} label={workspaceName(wid)}>
              {others
                .filter((i) => i.workspaceId === wid)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </PropertyRow>
      <PropertyRow id={`${id}-assignee`} label="Assignee">
        <Select
          id={`${id}-assignee`}
          density="sm"
          appearance="ghost"
          leading={
            assignee ? (
              <Avatar name={assignee.name} size="sm" />
            ) : (
              <span className="inline-block size-5 rounded-full border border-dashed border-zinc-300" />
            )
          }
          disabled={disabled}
          value={values.assigneeId ?? ''}
          onChange={(e) => onEdit({ assigneeId: e.target.value || null })}
        >
          <option value="">Unassigned</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </Select>
      </PropertyRow>
      <PropertyRow id={`${id}-tags`} label="Tags">
        <TagInput
          id={`${id}-tags`}
          tags={values.tags}
          disabled={disabled}
          onChange={(tags) => onEdit({ tags })}
        />
      </PropertyRow>
      <PropertyRow id={`${id}-score`} label="Score" error={errors.score}>
        <input
          id={`${id}-score`}
          type="number"
          min={0}
          max={10000}
          inputMode="decimal"
          placeholder="—"
          disabled={disabled}
          aria-invalid={Boolean(errors.score) || undefined}
          aria-describedby={errors.score ? `${id}-score-error` : undefined}
          className="h-8 w-32 rounded-md border border-transparent bg-transparent px-2.5 text-[13px] text-zinc-900 tabular-nums transition-colors placeholder:text-zinc-400 hover:border-zinc-200 hover:bg-zinc-50 focus:border-accent-500 focus:bg-white focus:ring-3 focus:ring-accent-500/20 focus:outline-none aria-invalid:border-red-400"
          value={score}
          onChange={(e) => onScore(e.target.value)}
        />
      </PropertyRow>
      {customFields.map((field) => {
        const key = `customFields.${field.key}`;
        const fid = `${id}-cf-${field.key}`;
        return (
          <PropertyRow
            key={field.id}
            id={fid}
            label={field.label}
            required={field.required}
            error={errors[key]}
          >
            <CustomFieldInput
              id={fid}
              field={field}
              size="sm"
              inline
              value={field.key in draft ? draft[field.key] : values.customFields[field.key]}
              invalid={Boolean(errors[key])}
              describedBy={errors[key] ? `${fid}-error` : undefined}
              onChange={(value) => onCustomField(field, value)}
            />
          </PropertyRow>
        );
      })}
    </div>
  );
}
