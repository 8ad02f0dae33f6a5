import type { Feature, Member, WorkflowStatus } from '@tandem/contracts';
import { Gauge, ListChecks, Target } from 'lucide-react';
import type { ReactNode } from 'react';
import { StatusDot } from '@/components/roadmap/status-dot';
import { Avatar } from '@/components/ui/avatar';

const MAX_TAGS = 3;

/** What a card shows; shared by the card on the board and the one under the pointer while dragging. */
export function FeatureCardBody({
  feature,
  assignee,
  status,
  initiative,
  nameSlot,
  integrationSlot,
}: {
  feature: Feature;
  assignee: Member | undefined;
  status: WorkflowStatus | undefined;
  /** The initiative's name, when the feature contributes to one. */
  initiative?: string | undefined;
  nameSlot?: ReactNode;
  /** Where a "<system> US123" chip will go once the feature is linked. */
  integrationSlot?: ReactNode;
}) {
  const extraTags = feature.tags.length - MAX_TAGS;
  return (
    <>
      <div className="mb-1 flex items-center gap-1.5 pr-12 text-[11px] font-medium text-zinc-500 tabular-nums">
        {status ? <StatusDot color={status.color} category={status.category} /> : null}
        <span>{feature.referenceNum}</span>
        {status ? (
          <span className="truncate font-normal text-zinc-500">· {status.name}</span>
        ) : null}
      </div>
      <div className="line-clamp-3">
        {nameSlot ?? (
          <span className="text-[13px] leading-snug font-medium text-zinc-900">{feature.name}</span>
        )}
      </div>
      {initiative ? (
        <p className="mt-1.5 flex items-center gap-1 truncate text-[11px] text-zinc-500">
          <Target className="size-3 shrink-0 text-zinc-400" aria-hidden="true" />
          <span className="sr-only">Initiative: </span>
          <span className="truncate">{initiative}</span>
        </p>
      ) : null}
      {feature.tags.length > 0 ? (
        <ul aria-label="Tags" className="mt-2 flex flex-wrap gap-1">
          {feature.tags.slice(0, MAX_TAGS).map((tag) => (
            <li
              key={tag}
              className="max-w-32 truncate rounded bg-zinc-100 px-1.5 py-px text-[11px] text-zinc-600"
            >
              {tag}
            </li>
          ))}
          {extraTags > 0 ? (
            <li className="px-0.5 text-[11px] text-zinc-500">+{extraTags}</li>
          ) : null}
        </ul>
      ) : null}
      <div className="mt-2.5 flex items-center gap-2 text-[11px] text-zinc-500">
        {feature.score != null ? (
          <span className="inline-flex items-center gap-1 tabular-nums" title="Score">
            <Gauge className="size-3.5 text-zinc-400" aria-hidden="true" />
            <span className="sr-only">Score </span>
            {feature.score}
          </span>
        ) : null}
        {feature.requirementCount ? (
          <span
            className="inline-flex items-center gap-1 tabular-nums"
            title={`${feature.requirementsDone ?? 0} of ${feature.requirementCount} requirements done`}
          >
            <ListChecks className="size-3.5 text-zinc-400" aria-hidden="true" />
            <span className="sr-only">Requirements done: </span>
            {feature.requirementsDone ?? 0}/{feature.requirementCount}
          </span>
        ) : null}
        {integrationSlot}
        <span className="ml-auto">
          {assignee ? (
            <span title={assignee.name}>
              <Avatar name={assignee.name} size="sm" />
              <span className="sr-only">Assigned to {assignee.name}</span>
            </span>
          ) : (
            <span
              aria-hidden="true"
              title="Unassigned"
              className="inline-block size-5 rounded-full border border-dashed border-zinc-300"
            />
          )}
        </span>
      </div>
    </>
  );
}
