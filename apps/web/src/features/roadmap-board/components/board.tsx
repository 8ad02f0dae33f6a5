import { DndContext, DragOverlay } from '@dnd-kit/core';
import type { Feature, Member, WorkflowStatus } from '@tandem/contracts';
import { type ReactNode, useMemo } from 'react';
import { type BoardDrop, useBoardDnd } from '../hooks/use-board-dnd';
import { boardCollisions } from '../utils/board-collisions';
import type { BoardGrouping } from '../utils/board-filters';
import type { BoardColumn as Column } from '../utils/group-features';
import { BoardColumn } from './board-column';
import { FeatureCard } from './feature-card';
import { FeatureCardBody } from './feature-card-body';

/** The columns and their cards, with drag and drop between and within columns. */
export function Board({
  features,
  columns,
  groupBy,
  members,
  statuses,
  initiativeName,
  canEdit,
  selected,
  onSelect,
  hrefFor,
  onAdd,
  onDrop,
  filtered,
  syncOf,
  changedBy,
  onSelectColumn,
}: {
  features: readonly Feature[];
  columns: readonly Column[];
  groupBy: BoardGrouping;
  members: readonly Member[];
  statuses: readonly WorkflowStatus[];
  initiativeName: (feature: Feature) => string | undefined;
  canEdit: boolean;
  selected: ReadonlySet<string>;
  onSelect: (feature: Feature, mode: 'toggle' | 'range') => void;
  hrefFor: (feature: Feature) => string;
  onAdd: (columnId: string) => void;
  onDrop: (drop: BoardDrop) => void;
  /** The board shows a subset (search or filters); empty columns then say so. */
  filtered: boolean;
  /** A card's remote references and sync badge. */
  syncOf?: (feature: Feature) => ReactNode;
  /** The integration that just changed the feature, while its card is highlighted. */
  changedBy?: (feature: Feature) => string | undefined;
  /** Select (or clear) every card of a column. */
  onSelectColumn?: (ids: readonly string[]) => void;
}) {
  const dnd = useBoardDnd({ features, columns, groupBy, onDrop });
  const byId = useMemo(() => new Map(features.map((f) => [f.id, f])), [features]);
  const memberOf = (f: Feature) => members.find((m) => m.userId === f.assigneeId);
  const statusOf = (f: Feature) =>
    groupBy === 'release' ? statuses.find((s) => s.id === f.statusId) : undefined;
  const active = dnd.activeFeature;

  return (
    <DndContext
      sensors={canEdit ? dnd.sensors : []}
      collisionDetection={boardCollisions}
      accessibility={dnd.accessibility}
      {...dnd.handlers}
    >
      {/* `relative`: absolutely positioned parts of columns and cards (screen-reader text, the
          hover toolbar) are laid out inside this scroll container, not against the page. */}
      <div className="relative flex h-full items-stretch gap-3 overflow-x-auto px-4 pb-4 sm:px-6">
        {columns.map((column) => {
          const ids = dnd.columnIds[column.id] ?? [];
          return (
            <BoardColumn
              key={column.id}
              column={column}
              ids={ids}
              onAdd={onAdd}
              canEdit={canEdit}
              selectedCount={ids.filter((id) => selected.has(id)).length}
              onSelectAll={onSelectColumn ? () => onSelectColumn(ids) : undefined}
              emptyText={
                filtered ? 'No matching features' : canEdit ? 'Drop features here' : 'No features'
              }
            >
              {ids.map((id) => {
                const feature = byId.get(id);
                if (!feature) return null;
                return (
                  <li key={id}>
                    <FeatureCard
                      feature={feature}
                      columnId={column.id}
                      href={hrefFor(feature)}
                      assignee={memberOf(feature)}
                      status={statusOf(feature)}
                      initiative={initiativeName(feature)}
                      selected={selected.has(id)}
                      selecting={selected.size > 0}
                      canEdit={canEdit}
                      onSelect={onSelect}
                      sync={syncOf?.(feature)}
                      changedBy={changedBy?.(feature)}
                    />
                  </li>
                );
              })}
            </BoardColumn>
          );
        })}
      </div>
      <DragOverlay dropAnimation={{ duration: 180, easing: 'cubic-bezier(0.2, 0, 0, 1)' }}>
        {active ? (
          <div className="cursor-grabbing rounded-lg border border-zinc-300 bg-white p-3 pl-3.5 shadow-xl ring-1 shadow-zinc-900/15 ring-accent-500/10">
            <FeatureCardBody
              feature={active}
              assignee={memberOf(active)}
              status={statusOf(active)}
              initiative={initiativeName(active)}
            />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
