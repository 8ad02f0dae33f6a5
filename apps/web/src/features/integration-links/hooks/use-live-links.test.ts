import { describe, expect, it } from 'vitest';
import { staleLinkKeys } from './use-live-links';

describe('staleLinkKeys', () => {
  it('refetches the links of the record that changed, and the board overview of its kind', () => {
    expect(
      staleLinkKeys('w1', {
        kind: 'event',
        event: {
          type: 'record.changed',
          recordType: 'feature',
          recordId: 'f1',
          action: 'update',
          version: null,
          origin: 'integration:i1',
        },
      }),
    ).toEqual([
      ['workspaces', 'w1', 'links', 'feature', 'f1'],
      ['workspaces', 'w1', 'links', 'overview', 'feature'],
    ]);
  });

  it('refetches every link after a gap in the stream, or for a link row without its owner', () => {
    expect(staleLinkKeys('w1', { kind: 'resync' })).toEqual([['workspaces', 'w1', 'links']]);
    expect(
      staleLinkKeys('w1', {
        kind: 'event',
        event: {
          type: 'record.changed',
          recordType: 'integration_field',
          recordId: 'if-9',
          action: 'create',
          version: null,
          origin: 'integration:i1',
        },
      }),
    ).toEqual([['workspaces', 'w1', 'links']]);
  });
});
