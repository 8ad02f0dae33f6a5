import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Feature, Member, WorkflowStatus } from '@tandem/contracts';
import { clsx } from 'clsx';
import { GripVertical } from 'lucide-react';
import type { KeyboardEventHandler, MouseEvent, PointerEventHandler, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { FeatureCardBody } from './feature-card-body';

export interface FeatureCardProps {
  feature: Feature;
  columnId: string;
  href: string;
  assignee: Member | undefined;
  /** Shown when the board is grouped by release (the column already says the status otherwise). */
  status: WorkflowStatus | undefined;
  initiative: string | undefined;
  selected: boolean;
  selecting: boolean;
  /** Viewers can open a feature but not move or select it. */
  canEdit: boolean;
  onSelect: (feature: Feature, mode: 'toggle' | 'range') => void;
  /** The remote references and the sync badge (see `CardSync`). */
  sync?: ReactNode;
  /** Set for a few seconds after an integration changed the feature: who did (its name). */
  changedBy?: string | undefined;
}

/** Ignore clicks that land on the card's own controls. */
const isControl = (target: EventTarget) =>
  target instanceof Element && Boolean(target.closest('a,button,input,label'));

/**
 * One feature on the board. The whole card drags with the mouse; the grip button is the keyboard
 * handle (Space to lift, arrows to move, Space to drop, Escape to cancel). A click opens the
 * drawer; Shift-click selects a range, Ctrl/⌘-click toggles one.
 */
export function FeatureCard(props: FeatureCardProps) {
  const { feature, columnId, href, selected, selecting, canEdit, onSelect, sync, changedBy } =
    props;
  const navigate = useNavigate();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: feature.id, data: { type: 'feature', columnId }, disabled: !canEdit });

  const onClick = (event: MouseEvent) => {
    if (isControl(event.target)) return;
    if (canEdit && event.shiftKey) return onSelect(feature, 'range');
    if (canEdit && (event.metaKey || event.ctrlKey || selecting))
      return onSelect(feature, 'toggle');
    navigate(href);
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the name link and the grip handle are the keyboard paths
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      onClick={onClick}
      data-feature={feature.referenceNum}
      className={clsx(
        'group/card relative rounded-lg border bg-white p-3 pl-3.5 text-left shadow-[0_1px_2px_rgb(0_0_0/0.05)] transition-[box-shadow,border-color]',
        canEdit ? 'cursor-grab active:cursor-grabbing' : 'cursor-pointer',
        selected
          ? 'border-accent-500 ring-2 ring-accent-500/25'
          : changedBy
            ? 'border-sky-400 bg-sky-50 ring-2 ring-sky-400/30'
            : 'border-zinc-200 hover:border-zinc-300 hover:shadow-[0_2px_8px_-2px_rgb(0_0_0/0.1)]',
        isDragging &&
          'border-dashed !border-accent-200 bg-accent-50/60 shadow-none [&>*]:invisible',
      )}
    >
      {canEdit ? (
        <div className="absolute top-2.5 right-2 flex items-center gap-0.5">
          <label
            className={clsx(
              'flex size-6 items-center justify-center rounded',
              selected || selecting
                ? 'opacity-100'
                : 'opacity-0 group-hover/card:opacity-100 focus-within:opacity-100 pointer-coarse:opacity-100',
            )}
          >
            <input
              type="checkbox"
              checked={selected}
              aria-label={`Select ${feature.referenceNum}`}
              // One handler for mouse and Space: React reports a checkbox's change on click too,
              // so handling both would toggle twice on Shift-click.
              onChange={() => {}}
              onClick={(e) => onSelect(feature, e.shiftKey ? 'range' : 'toggle')}
              className="size-3.5 cursor-pointer rounded border-zinc-300 accent-accent-600"
            />
          </label>
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
            aria-label={`Move ${feature.referenceNum}`}
            className="flex size-6 cursor-grab touch-none items-center justify-center rounded text-zinc-400 opacity-0 group-hover/card:opacity-100 hover:bg-zinc-100 hover:text-zinc-600 focus-visible:opacity-100 pointer-coarse:opacity-100"
          >
            <GripVertical className="size-3.5" aria-hidden="true" />
          </button>
        </div>
      ) : null}
      {changedBy ? (
        <p role="status" className="mb-1 text-[11px] font-medium text-sky-800">
          Changed in {changedBy} just now
        </p>
      ) : null}
      <FeatureCardBody
        {...props}
        integrationSlot={sync}
        nameSlot={
          <Link
            to={href}
            className="text-[13px] leading-snug font-medium text-zinc-900 hover:underline focus-visible:underline"
            draggable={false}
          >
            {feature.name}
          </Link>
        }
      />
    </div>
  );
}
