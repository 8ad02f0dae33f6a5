import type { Requirement, WorkflowStatus } from '@tandem/contracts';
import { ListChecks, Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { useCreateRequirement } from '../api/create-requirement';
import { useDeleteRequirement } from '../api/delete-requirement';
import { useUpdateRequirement } from '../api/update-requirement';
import { RequirementRow } from './requirement-row';
import { SectionHeading } from './section-heading';

/** The feature's requirements: add, rename, change status, delete. */
export function RequirementsSection({
  workspaceId,
  featureId,
  requirements,
  statuses,
  disabled,
}: {
  workspaceId: string;
  featureId: string;
  requirements: readonly Requirement[];
  statuses: readonly WorkflowStatus[];
  disabled: boolean;
}) {
  const [name, setName] = useState('');
  const create = useCreateRequirement(workspaceId, featureId);
  const update = useUpdateRequirement(workspaceId, featureId);
  const remove = useDeleteRequirement(workspaceId, featureId);
  const sorted = [...requirements].sort((a, b) => a.rank - b.rank);
  const done = sorted.filter(
    (r) => statuses.find((s) => s.id === r.statusId)?.category === 'done',
  ).length;
  const fail = (what: string) => (error: Error) =>
    toast(what, { tone: 'error', description: error.message });

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate(
      { name: trimmed },
      { onSuccess: () => setName(''), onError: fail('The requirement was not added') },
    );
  };

  return (
    <section aria-labelledby={`${featureId}-requirements`}>
      <SectionHeading
        id={`${featureId}-requirements`}
        icon={ListChecks}
        count={sorted.length > 0 ? `${done}/${sorted.length}` : undefined}
      >
        Requirements
      </SectionHeading>
      {sorted.length > 0 ? (
        <ul className="mb-1">
          {sorted.map((r) => (
            <RequirementRow
              key={r.id}
              requirement={r}
              statuses={statuses}
              disabled={disabled}
              onRename={(n) =>
                update.mutate(
                  { requirement: r, change: { name: n } },
                  { onError: fail(`${r.referenceNum} was not renamed`) },
                )
              }
              onStatus={(statusId) =>
                update.mutate(
                  { requirement: r, change: { statusId } },
                  { onError: fail(`${r.referenceNum} did not change status`) },
                )
              }
              onDelete={() =>
                remove.mutate(r.id, { onError: fail(`${r.referenceNum} was not deleted`) })
              }
            />
          ))}
        </ul>
      ) : null}
      {disabled ? (
        sorted.length === 0 ? (
          <p className="px-1.5 text-[13px] text-zinc-500">No requirements.</p>
        ) : null
      ) : (
        <form onSubmit={onAdd} className="flex items-center gap-2 px-1.5">
          <Plus className="size-4 text-zinc-400" aria-hidden="true" />
          <input
            aria-label="New requirement"
            placeholder="Add a requirement and press Enter"
            value={name}
            onChange={(e) => setName(e.target.value)}
            disabled={create.isPending}
            className="h-8 flex-1 rounded-md border border-transparent bg-transparent px-1.5 text-[13px] placeholder:text-zinc-400 hover:border-zinc-200 focus:border-accent-500 focus:bg-white focus:outline-none"
          />
        </form>
      )}
    </section>
  );
}
