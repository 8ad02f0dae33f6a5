import type { LiveEvent } from '@tandem/contracts';
import { describe, expect, it } from 'vitest';
import { staleRoadmapKeys } from './use-live-roadmap';

const event = (over: Partial<LiveEvent>) =>
  ({
    kind: 'event',
    event: {
      type: 'record.changed',
      recordType: 'feature',
      recordId: 'f1',
      action: 'update',
      version: 4,
      origin: 'integration:i1',
      ...over,
    },
  }) as const;

describe('staleRoadmapKeys', () => {
  it('refetches the features (board and drawer) when an integration changed a feature or requirement', () => {
    expect(staleRoadmapKeys('w1', event({}))).toEqual([['workspaces', 'w1', 'features']]);
    expect(staleRoadmapKeys('w1', event({ recordType: 'requirement', action: 'create' }))).toEqual([
      ['workspaces', 'w1', 'features'],
    ]);
    expect(staleRoadmapKeys('w1', event({ recordType: 'release' }))).toEqual([
      ['workspaces', 'w1', 'releases'],
    ]);
  });

  it('leaves people’s own edits and link writes alone', () => {
    expect(staleRoadmapKeys('w1', event({ origin: 'user' }))).toEqual([]);
    expect(staleRoadmapKeys('w1', event({ version: null }))).toEqual([]);
    expect(staleRoadmapKeys('w1', event({ recordType: 'attachment' }))).toEqual([]);
  });

  it('refetches everything after a gap in the stream', () => {
    expect(staleRoadmapKeys('w1', { kind: 'resync' })).toHaveLength(3);
  });
});
