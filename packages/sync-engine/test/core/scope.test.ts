import { describe, expect, it } from 'vitest';
import { ancestorsOf, isInScope, projectsToWatch } from '../../src/core/scope.ts';

const tree = [
  { id: 'root', parentId: null },
  { id: 'mobile', parentId: 'root' },
  { id: 'ios', parentId: 'mobile' },
  { id: 'web', parentId: 'root' },
  { id: 'other', parentId: null },
];
const at = (projectId: string) => ({ projectId, ancestorIds: ancestorsOf(projectId, tree) });

describe('project scope', () => {
  it('keeps a record moved into a child project linked by default', () => {
    const scope = { remoteWorkspaceId: 'w', projectId: 'root', excludeChildUpdates: false };
    expect(at('ios').ancestorIds).toEqual(['mobile', 'root']);
    expect(isInScope(scope, at('root'))).toBe(true);
    expect(isInScope(scope, at('ios'))).toBe(true);
    expect(isInScope(scope, at('other'))).toBe(false);
    expect(projectsToWatch(scope, tree)).toEqual(['root', 'mobile', 'web', 'ios']);
  });

  it('with Exclude child updates, a move to a child breaks the link unless that child is integrated too', () => {
    const scope = { remoteWorkspaceId: 'w', projectId: 'root', excludeChildUpdates: true };
    expect(isInScope(scope, at('mobile'))).toBe(false);
    expect(isInScope(scope, at('mobile'), ['mobile'])).toBe(true);
    expect(projectsToWatch(scope, tree)).toEqual(['root']);
  });
});
