import type { RecordLink } from '@tandem/contracts';
import { describe, expect, it } from 'vitest';
import { aggregateProgress, itemOutcome, pollWindow, type SendItem } from './send-progress';

const link = (state: string, extra: Partial<RecordLink> = {}): RecordLink => ({
  integrationId: 'int-1',
  integrationName: 'Rally',
  system: 'rally',
  state,
  formattedId: null,
  url: null,
  lastError: null,
  lastLogId: null,
  ...extra,
});

const items: SendItem[] = Array.from({ length: 5 }, (_, i) => ({
  id: `f${i + 1}`,
  referenceNum: `APP-${i + 1}`,
  name: `Feature ${i + 1}`,
}));

describe('itemOutcome', () => {
  it.each([
    [undefined, 'waiting'],
    [link('unlinked'), 'waiting'],
    [link('create_pending'), 'sending'],
    [link('linked', { formattedId: 'F1' }), 'linked'],
    // Not done for the reader until there is an id to show.
    [link('linked'), 'sending'],
    [link('update_pending', { formattedId: 'F1' }), 'linked'],
    [link('failed', { lastError: 'Name: required' }), 'failed'],
    [link('link_broken'), 'failed'],
    [link('conflict', { formattedId: 'F1' }), 'attention'],
  ] as const)('%o → %s', (given, expected) => {
    expect(itemOutcome(given as RecordLink | undefined)).toBe(expected);
  });
});

describe('aggregateProgress', () => {
  it('counts each outcome and keeps the order of the items', () => {
    const links: Record<string, RecordLink> = {
      f1: link('linked', { formattedId: 'F101', url: 'http://rally/f/101' }),
      f2: link('failed', { lastError: 'Bad request', lastLogId: 77 }),
      f3: link('create_pending'),
    };
    const p = aggregateProgress(items, (id) => links[id]);
    expect(p).toMatchObject({ total: 5, done: 2, linked: 1, failed: 1, percent: 40 });
    expect(p.finished).toBe(false);
    expect(p.items.map((i) => i.outcome)).toEqual([
      'linked',
      'failed',
      'sending',
      'waiting',
      'waiting',
    ]);
    expect(p.items[0]).toMatchObject({ formattedId: 'F101', url: 'http://rally/f/101' });
    expect(p.items[1]).toMatchObject({ error: 'Bad request', logId: 77 });
  });

  it('is finished when every item reached an end, failures included', () => {
    const p = aggregateProgress(items, (id) =>
      id === 'f5' ? link('failed') : link('linked', { formattedId: id.toUpperCase() }),
    );
    expect(p).toMatchObject({ done: 5, linked: 4, failed: 1, percent: 100, finished: true });
    expect(p.items[4]?.error).toBe('The send failed');
  });

  it('rounds down, so the bar reaches 100 % only when all are done', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      id: `${i}`,
      referenceNum: `${i}`,
      name: '',
    }));
    const p = aggregateProgress(many, (id) =>
      id === '999' ? undefined : link('linked', { formattedId: id }),
    );
    expect(p.percent).toBe(99);
    expect(aggregateProgress([], () => undefined)).toMatchObject({ percent: 100, finished: true });
  });
});

describe('pollWindow', () => {
  it('asks about the first unfinished items only', () => {
    const links: Record<string, RecordLink> = {
      f1: link('linked', { formattedId: 'F1' }),
      f2: link('failed'),
    };
    const p = aggregateProgress(items, (id) => links[id]);
    expect([...pollWindow(p, 2)]).toEqual(['f3', 'f4']);
    expect(
      pollWindow(
        aggregateProgress(items, () => link('failed')),
        2,
      ).size,
    ).toBe(0);
  });
});
