import type { Requirement, WorkflowStatus } from '@tandem/contracts';
import { Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { StatusDot } from '@/components/roadmap/status-dot';

/** One requirement: its status, its name (edit in place, saved on Enter or leaving the field). */
export function RequirementRow({
  requirement,
  statuses,
  disabled,
  onRename,
  onStatus,
  onDelete,
}: {
  requirement: Requirement;
  statuses: readonly WorkflowStatus[];
  disabled: boolean;
  onRename: (name: string) => void;
  onStatus: (statusId: string) => void;
  onDelete: () => void;
}) {
  const [name, setName] = useState(requirement.name);
  useEffect(() => setName(requirement.name), [requirement.name]);
  const status = statuses.find((s) => s.id === requirement.statusId);
  const commit = () => {
    const trimmed = name.trim();
    if (!trimmed) return setName(requirement.name);
    if (trimmed !== requirement.name) onRename(trimmed);
  };
  const done = status?.category === 'done' || status?.category === 'wont_do';

  return (
    <li className="group/req flex items-center gap-2 rounded-md px-1.5 py-1 hover:bg-zinc-50">
      <span className="relative flex items-center">
        <StatusDot
          color={status?.color}
          category={status?.category}
          className="pointer-events-none absolute left-2"
        />
        <select
          aria-label={`Status of ${requirement.referenceNum}`}
          disabled={disabled}
          value={requirement.statusId}
          onChange={(e) => onStatus(e.target.value)}
          className="h-7 w-32 appearance-none truncate rounded-md border border-transparent bg-transparent pr-1 pl-6 text-[12px] text-zinc-600 hover:border-zinc-200 hover:bg-white focus:border-accent-500 focus:outline-none"
        >
          {statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </span>
      <span className="w-16 shrink-0 text-[11px] whitespace-nowrap text-zinc-500 tabular-nums">
        {requirement.referenceNum}
      </span>
      <input
        aria-label={`Name of ${requirement.referenceNum}`}
        value={name}
        disabled={disabled}
        onChange={(e) => setName(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setName(requirement.name);
        }}
        className={`h-7 min-w-0 flex-1 rounded-md border border-transparent bg-transparent px-1.5 text-[13px] hover:border-zinc-200 focus:border-accent-500 focus:bg-white focus:outline-none ${done ? 'text-zinc-500 line-through' : 'text-zinc-800'}`}
      />
      {disabled ? null : (
        <button
          type="button"
          aria-label={`Delete ${requirement.referenceNum}`}
          onClick={onDelete}
          className="flex size-7 items-center justify-center rounded-md text-zinc-400 opacity-0 group-hover/req:opacity-100 hover:bg-red-50 hover:text-red-600 focus-visible:opacity-100"
        >
          <Trash2 className="size-3.5" aria-hidden="true" />
        </button>
      )}
    </li>
  );
}
