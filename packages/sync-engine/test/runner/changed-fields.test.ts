import { describe, expect, it } from 'vitest';
import { changedRoadmapFields } from '../../src/runner/outbox/changed-fields.ts';

const change = (old: unknown, next: unknown) => ({ old, new: next });

describe('changedRoadmapFields', () => {
  it('names the engine fields of the changed columns, and drops the ones it does not sync', () => {
    expect(
      changedRoadmapFields({
        name: change('a', 'b'),
        descriptionHtml: change('<p>a</p>', '<p>b</p>'),
        statusId: change('s1', 's2'),
        assigneeId: change(null, 'u1'),
      }),
    ).toEqual(['name', 'description', 'status']);
  });

  it('reads a release’s position as its rank and its release date as its due date', () => {
    expect(
      changedRoadmapFields({ position: change(1, 2), releaseDate: change(null, '2027-03-26') }),
    ).toEqual(['rank', 'dueDate']);
  });

  it('names each custom field whose value changed, whether stored as JSON text or an object', () => {
    expect(
      changedRoadmapFields({
        customFields: change('{"segment":"SMB","size":3}', {
          segment: 'Enterprise',
          size: 3,
          new: 1,
        }),
      }),
    ).toEqual(['custom:segment', 'custom:new']);
  });
});
