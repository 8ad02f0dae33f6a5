import type { Feature } from '@tandem/contracts';
import { describe, expect, it } from 'vitest';
import { boardOrder, groupFeatures, rangeBetween } from './group-features';

const feature = (id: string, statusId: string, releaseId: string, rank: number): Feature => ({
  id,
  workspaceId: 'w1',
  referenceNum: `APP-${id}`,
  name: id,
  descriptionHtml: '',
  statusId,
  releaseId,
  initiativeId: null,
  assigneeId: null,
  tags: [],
  score: null,
  customFields: {},
  rank,
  version: 1,
  createdAt: '',
  updatedAt: '',
});

const columns = [
  { id: 's1', name: 'To do' },
  { id: 's2', name: 'Doing' },
];
const features = [
  feature('a', 's1', 'r1', 3),
  feature('b', 's1', 'r2', 1),
  feature('c', 's2', 'r1', 2),
  feature('x', 'gone', 'r1', 0),
];

describe('groupFeatures', () => {
  it('puts features in their status columns in rank order and drops unknown columns', () => {
    expect(groupFeatures(features, columns, 'status')).toEqual({ s1: ['b', 'a'], s2: ['c'] });
  });

  it('groups by release', () => {
    const releases = [
      { id: 'r1', name: '1.0' },
      { id: 'r2', name: '2.0' },
    ];
    expect(groupFeatures(features, releases, 'release')).toEqual({
      r1: ['x', 'c', 'a'],
      r2: ['b'],
    });
  });
});

describe('range selection', () => {
  const order = boardOrder({ s1: ['b', 'a'], s2: ['c'] }, columns);

  it('walks the board column by column', () => {
    expect(order).toEqual(['b', 'a', 'c']);
  });

  it('selects everything between the anchor and the target, either direction', () => {
    expect(rangeBetween(order, 'b', 'c')).toEqual(['b', 'a', 'c']);
    expect(rangeBetween(order, 'c', 'a')).toEqual(['a', 'c']);
    expect(rangeBetween(order, 'gone', 'a')).toEqual(['a']);
  });
});
