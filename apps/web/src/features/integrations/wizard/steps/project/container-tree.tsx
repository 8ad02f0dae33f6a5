import type { RemoteProjectNode } from '@tandem/contracts';
import { clsx } from 'clsx';
import { FolderTree } from 'lucide-react';
import { plainText } from '@/components/connectors/rich-text';
import { countDescendants } from './utils/filter-tree';

/**
 * The remote's containers (projects, area paths) as nested lists of radio buttons; children sit
 * under their parent.
 */
export function ContainerTree({
  nodes,
  childCount,
  chosenId,
  onChoose,
  depth = 0,
}: {
  nodes: RemoteProjectNode[];
  childCount: { one: string; other: string };
  chosenId: string | null;
  onChoose: (node: RemoteProjectNode) => void;
  depth?: number;
}) {
  return (
    <ul className={clsx(depth === 0 ? 'rounded-lg border border-zinc-200 py-1' : 'ml-6')}>
      {nodes.map((node) => {
        const below = countDescendants(node);
        return (
          <li key={node.id}>
            <label
              className={clsx(
                'flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm',
                chosenId === node.id ? 'bg-accent-50 ring-1 ring-accent-200' : 'hover:bg-zinc-50',
              )}
            >
              <input
                type="radio"
                name="remote-project"
                checked={chosenId === node.id}
                onChange={() => onChoose(node)}
              />
              <FolderTree className="size-4 text-zinc-400" aria-hidden="true" />
              <span className="font-medium text-zinc-900">{node.name}</span>
              {below > 0 ? (
                <span className="text-xs text-zinc-600">
                  {plainText(below === 1 ? childCount.one : childCount.other, { count: below })}
                </span>
              ) : null}
            </label>
            {node.children.length > 0 ? (
              <ContainerTree
                nodes={node.children}
                childCount={childCount}
                chosenId={chosenId}
                onChoose={onChoose}
                depth={depth + 1}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
