import type { RemoteProjectNode } from '@tandem/contracts';

/** The tree cut down to projects whose name matches, with the parents that lead to them. */
export function filterTree(nodes: RemoteProjectNode[], query: string): RemoteProjectNode[] {
  const q = query.trim().toLowerCase();
  if (q === '') return nodes;
  return nodes.flatMap((node) => {
    const children = filterTree(node.children, q);
    if (node.name.toLowerCase().includes(q) || children.length > 0) {
      return [
        { ...node, children: node.name.toLowerCase().includes(q) ? node.children : children },
      ];
    }
    return [];
  });
}

export function countDescendants(node: RemoteProjectNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countDescendants(child), 0);
}
