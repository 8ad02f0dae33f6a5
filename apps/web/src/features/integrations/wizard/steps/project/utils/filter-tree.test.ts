import type { RemoteProjectNode } from '@tandem/contracts';
import { describe, expect, it } from 'vitest';
import { countDescendants, filterTree } from './filter-tree';

const node = (id: string, name: string, children: RemoteProjectNode[] = []): RemoteProjectNode => ({
  id,
  name,
  parentId: null,
  children,
});

const tree = [
  node('1', 'Acme Portfolio', [
    node('2', 'Team Alpha', [node('4', 'Alpha Mobile')]),
    node('3', 'Team Beta', [node('5', 'Beta Platform')]),
  ]),
];

const names = (nodes: RemoteProjectNode[]): string[] =>
  nodes.flatMap((n) => [n.name, ...names(n.children)]);

describe('the project tree search', () => {
  it('keeps the parents that lead to a match, and nothing else', () => {
    expect(names(filterTree(tree, 'mobile'))).toEqual([
      'Acme Portfolio',
      'Team Alpha',
      'Alpha Mobile',
    ]);
  });

  it('a matching project keeps its whole subtree (its children can still be chosen)', () => {
    expect(names(filterTree(tree, 'team beta'))).toEqual([
      'Acme Portfolio',
      'Team Beta',
      'Beta Platform',
    ]);
  });

  it('an empty search shows everything; no match shows nothing', () => {
    expect(filterTree(tree, '  ')).toBe(tree);
    expect(filterTree(tree, 'zzz')).toEqual([]);
  });

  it('counts every project below one', () => {
    expect(countDescendants(tree[0]!)).toBe(4);
  });
});
