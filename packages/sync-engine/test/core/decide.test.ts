import { describe, expect, it } from 'vitest';
import { decide, legalTransitions } from '../../src/core/decide.ts';
import type {
  RecordSync,
  SyncContext,
  SyncEffect,
  SyncEvent,
  SyncState,
} from '../../src/core/lifecycle/model.ts';
import { ctx, remote } from './builders.ts';

const t0 = new Date('2026-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** Run events in order; each is [event, minutes after t0]. Returns the final sync and every step's effects. */
function run(start: SyncState, events: [SyncEvent, number][], context = ctx()) {
  let sync: RecordSync = { context, state: start };
  const steps: SyncEffect[][] = [];
  for (const [event, minutes] of events) {
    const d = decide(sync, event, at(minutes));
    sync = d.state;
    steps.push([...d.effects]);
  }
  return { state: sync.state, steps, last: steps.at(-1) ?? [] };
}
const types = (effects: readonly SyncEffect[]) => effects.map((e) => e.type);
const linked: SyncState = { name: 'linked', remote };
const byUser = (...fields: SyncContext['outgoingFields']): SyncEvent => ({
  type: 'local_changed',
  fields: [...fields],
  origin: 'user:u1',
});

describe('creating the remote record', () => {
  it('send → createRemote with the token from the event; success → linked, integration fields saved', () => {
    const r = run({ name: 'unlinked' }, [
      [
        {
          type: 'send_requested',
          token: 'tok-1',
          linkTo: [
            {
              parent: { kind: 'initiative', id: 'i1', integrationId: 'int-2' },
              remoteField: 'Parent',
            },
          ],
        },
        0,
      ],
      [{ type: 'create_succeeded', remote }, 0],
    ]);
    expect(r.steps[0]).toContainEqual({ type: 'createRemote', token: 'tok-1', attempt: 1 });
    expect(r.state).toEqual(linked);
    expect(types(r.last)).toEqual(['saveLink', 'log', 'notify', 'linkChild']);
    expect(r.last[0]).toEqual({ type: 'saveLink', remote });
  });

  it('never a second create while the token is pending', () => {
    const r = run({ name: 'unlinked' }, [
      [{ type: 'send_requested', token: 'tok-1' }, 0],
      [{ type: 'send_requested', token: 'tok-2' }, 0],
    ]);
    expect(types(r.last)).toEqual(['log']);
    expect(r.state).toMatchObject({ name: 'create_pending', token: 'tok-1' });
  });

  it('an ambiguous failure looks the token up before any retry', () => {
    const pending = run({ name: 'unlinked' }, [
      [{ type: 'send_requested', token: 'tok-1' }, 0],
      [{ type: 'create_ambiguous_failure', error: 'socket hang up' }, 0],
    ]);
    expect(pending.last).toContainEqual({ type: 'lookupByToken', token: 'tok-1', attempt: 1 });
    expect(types(pending.last)).not.toContain('createRemote');

    const found = run(pending.state, [[{ type: 'lookup_found', remote }, 1]]);
    expect(found.state).toEqual(linked);
    expect(types(found.last)).not.toContain('createRemote');

    const absent = run(pending.state, [[{ type: 'lookup_not_found' }, 1]]);
    expect(absent.last).toContainEqual({ type: 'createRemote', token: 'tok-1', attempt: 2 });
  });

  it('retries a retryable failure later with the same token, then gives up visibly', () => {
    const events: [SyncEvent, number][] = [[{ type: 'send_requested', token: 'tok-1' }, 0]];
    for (let attempt = 1; attempt <= 5; attempt++) {
      events.push([
        { type: 'failed', operation: 'create', retryable: true, error: '503', attempt },
        attempt,
      ]);
      if (attempt < 5)
        events.push([{ type: 'retry_due', operation: 'create', attempt: attempt + 1 }, attempt]);
    }
    const r = run({ name: 'unlinked' }, events);
    expect(r.steps[1]).toContainEqual({
      type: 'scheduleAt',
      at: '2026-03-01T10:01:30.000Z',
      jobKey: 'retry:f1:int-1',
      mode: 'replace',
      event: { type: 'retry_due', operation: 'create', attempt: 2 },
    });
    expect(r.steps[2]).toEqual([{ type: 'createRemote', token: 'tok-1', attempt: 2 }]);
    expect(r.state).toEqual({
      name: 'failed',
      operation: 'create',
      remote: null,
      error: '503',
      unresolvedToken: null,
      fields: [],
    });
    expect(types(r.last)).toEqual(['log', 'notify']);
  });

  it('after a failed lookup the next send looks the old token up instead of creating', () => {
    const r = run({ name: 'unlinked' }, [
      [{ type: 'send_requested', token: 'tok-1' }, 0],
      [{ type: 'create_ambiguous_failure', error: 'timeout' }, 0],
      [
        {
          type: 'failed',
          operation: 'lookup',
          retryable: false,
          error: 'token revoked',
          attempt: 1,
        },
        0,
      ],
      [{ type: 'send_requested', token: 'tok-2' }, 5],
    ]);
    expect(r.last).toContainEqual({ type: 'lookupByToken', token: 'tok-1', attempt: 1 });
    expect(types(r.last)).not.toContain('createRemote');
  });

  it('edits made while the create is in flight are sent once linked', () => {
    const r = run({ name: 'unlinked' }, [
      [{ type: 'send_requested', token: 'tok-1' }, 0],
      [byUser('name', 'status'), 0],
      [{ type: 'create_succeeded', remote }, 1],
    ]);
    expect(r.last).toContainEqual({ type: 'updateRemote', fields: ['name'], attempt: 1 });
  });
});

describe('updates out', () => {
  it('echo rule: a change this integration applied produces no effect at all', () => {
    for (const state of [
      linked,
      {
        name: 'update_pending',
        remote,
        debounce: { fields: ['description'], dueAt: at(5).toISOString() },
      } as SyncState,
    ]) {
      const r = run(state, [
        [
          { type: 'local_changed', fields: ['name', 'description'], origin: 'integration:int-1' },
          1,
        ],
      ]);
      expect(r.last).toEqual([]);
      expect(r.state).toEqual(state);
    }
    const other = run(linked, [
      [{ type: 'local_changed', fields: ['name'], origin: 'integration:int-9' }, 1],
    ]);
    expect(other.last).toEqual([{ type: 'updateRemote', fields: ['name'], attempt: 1 }]);
  });

  it('rich-text edits wait five minutes after the most recent one (one job, replaced)', () => {
    const r = run(linked, [
      [byUser('description'), 0],
      [byUser('description'), 3],
      [{ type: 'debounce_elapsed' }, 5],
      [{ type: 'debounce_elapsed' }, 8],
    ]);
    expect(r.steps[0]).toEqual([
      {
        type: 'scheduleAt',
        at: '2026-03-01T10:05:00.000Z',
        jobKey: 'debounce:f1:int-1',
        mode: 'replace',
        event: { type: 'debounce_elapsed' },
      },
    ]);
    expect(r.steps[1]).toEqual([
      {
        type: 'scheduleAt',
        at: '2026-03-01T10:08:00.000Z',
        jobKey: 'debounce:f1:int-1',
        mode: 'replace',
        event: { type: 'debounce_elapsed' },
      },
    ]);
    expect(r.steps[2]).toEqual([]);
    expect(r.steps[3]).toEqual([{ type: 'updateRemote', fields: ['description'], attempt: 1 }]);
    expect(r.state).toEqual(linked);
  });

  it('other edits go out at once in auto mode; edits to unmapped fields are no change', () => {
    const r = run(linked, [[byUser('name', 'description', 'tags'), 0]]);
    expect(r.last).toEqual([
      {
        type: 'scheduleAt',
        at: '2026-03-01T10:05:00.000Z',
        jobKey: 'debounce:f1:int-1',
        mode: 'replace',
        event: { type: 'debounce_elapsed' },
      },
      { type: 'updateRemote', fields: ['name'], attempt: 1 },
    ]);
    expect(r.state.name).toBe('update_pending');
  });

  it('approve mode: edits wait for approval; a ticked subset is sent, the rest discarded', () => {
    const approve = ctx({ sendMode: 'approve' });
    const r = run(
      linked,
      [
        [byUser('name'), 0],
        [byUser('score'), 1],
        [{ type: 'approved', fields: ['score'] }, 2],
      ],
      approve,
    );
    expect(r.steps[0]).toEqual([{ type: 'requestApproval', fields: ['name'] }]);
    expect(r.steps[1]).toEqual([{ type: 'requestApproval', fields: ['name', 'score'] }]);
    expect(r.last).toContainEqual({ type: 'updateRemote', fields: ['score'], attempt: 1 });
    expect(r.state).toEqual(linked);
    const rejected = run(
      linked,
      [
        [byUser('name'), 0],
        [{ type: 'rejected' }, 1],
      ],
      approve,
    );
    expect(types(rejected.last)).toEqual(['log']);
    expect(rejected.state).toEqual(linked);
  });

  it('approve mode: rich text is debounced first, then waits for approval', () => {
    const r = run(
      linked,
      [
        [byUser('description'), 0],
        [{ type: 'debounce_elapsed' }, 5],
      ],
      ctx({ sendMode: 'approve' }),
    );
    expect(r.last).toEqual([{ type: 'requestApproval', fields: ['description'] }]);
    expect(r.state).toEqual({
      name: 'awaiting_approval',
      remote,
      approval: ['description'],
      debounce: null,
    });
  });
});

describe('updates in and conflicts', () => {
  it('remote changes are applied with this integration as origin', () => {
    const r = run(linked, [
      [{ type: 'remote_changed', changes: { status: 's-dev', name: 'New' } }, 0],
    ]);
    expect(r.last).toEqual([
      { type: 'applyLocal', fields: { status: 's-dev', name: 'New' }, origin: 'integration:int-1' },
    ]);
  });

  it('a remote change to a field with an unsent local edit is a conflict; resolving sends the kept side', () => {
    const r = run(linked, [
      [byUser('description'), 0],
      [{ type: 'remote_changed', changes: { description: '<p>theirs</p>', status: 's-dev' } }, 1],
    ]);
    expect(r.state).toEqual({
      name: 'conflict',
      remote,
      fields: ['description'],
      theirs: { description: '<p>theirs</p>' },
      held: [],
    });
    expect(r.last).toContainEqual({
      type: 'applyLocal',
      fields: { status: 's-dev' },
      origin: 'integration:int-1',
    });
    expect(types(r.last)).toContain('notify');

    const keepOurs = run(r.state, [[{ type: 'conflict_resolved', keep: 'roadmap' }, 2]]);
    expect(keepOurs.last).toContainEqual({
      type: 'updateRemote',
      fields: ['description'],
      attempt: 1,
    });
    const keepTheirs = run(r.state, [[{ type: 'conflict_resolved', keep: 'remote' }, 2]]);
    expect(keepTheirs.last).toContainEqual({
      type: 'applyLocal',
      fields: { description: '<p>theirs</p>' },
      origin: 'integration:int-1',
    });
    expect(keepTheirs.state).toEqual(linked);
  });

  it('a record moved out of scope or deleted remotely loses its link; sending again creates anew', () => {
    for (const type of ['moved_out_of_scope', 'deleted_remotely'] as const) {
      const r = run(linked, [[{ type }, 0]]);
      expect(r.state).toEqual({ name: 'link_broken', former: remote, reason: type });
      expect(types(r.last)).toEqual(['clearLink', 'log', 'notify']);
      const again = run(r.state, [[{ type: 'send_requested', token: 'tok-9' }, 1]]);
      expect(again.last).toContainEqual({ type: 'createRemote', token: 'tok-9', attempt: 1 });
    }
  });

  it('an imported record is linked at once, its snapshot saved, and nothing is created remotely', () => {
    const r = run({ name: 'unlinked' }, [[{ type: 'imported', remote }, 0]]);
    expect(r.state).toEqual(linked);
    expect(types(r.last)).toEqual(['saveLink', 'log', 'notify']);
    expect(r.last[1]).toEqual({ type: 'log', level: 'info', message: 'Imported from F900' });
    const again = run(linked, [[{ type: 'imported', remote }, 0]]);
    expect(again.last).toEqual([]);
  });

  it('a sent update stores the fields sent in the snapshot, also while in conflict', () => {
    const sent = run(linked, [[{ type: 'update_succeeded', fields: ['name'] }, 0]]);
    expect(sent.last).toContainEqual({ type: 'saveSnapshot', fields: ['name'] });
    const conflict: SyncState = {
      name: 'conflict',
      remote,
      fields: ['description'],
      theirs: { description: '<p>t</p>' },
      held: [],
    };
    const during = run(conflict, [[{ type: 'update_succeeded', fields: ['name'] }, 0]]);
    expect(during.last).toContainEqual({ type: 'saveSnapshot', fields: ['name'] });
  });

  it('link with existing record creates nothing remotely', () => {
    const r = run({ name: 'unlinked' }, [[{ type: 'link_existing', remote }, 0]]);
    expect(r.state).toEqual(linked);
    expect(types(r.last)).not.toContain('createRemote');
  });
});

describe('the transition table', () => {
  it('pins every legal transition', () => {
    expect(legalTransitions()).toEqual([
      'unlinked --send_requested--> create_pending',
      'unlinked --link_existing--> linked|update_pending|awaiting_approval',
      'unlinked --imported--> linked|update_pending|awaiting_approval',
      'create_pending --send_requested--> create_pending',
      'create_pending --create_succeeded--> linked|update_pending|awaiting_approval',
      'create_pending --create_ambiguous_failure--> create_pending',
      'create_pending --lookup_found--> linked|update_pending|awaiting_approval',
      'create_pending --lookup_not_found--> create_pending',
      'create_pending --local_changed--> create_pending',
      'create_pending --failed--> create_pending|failed',
      'create_pending --retry_due--> create_pending',
      'create_pending --link_requested--> create_pending',
      'create_pending --link_existing--> create_pending',
      'create_pending --unlink_requested--> create_pending',
      'linked --send_requested--> linked',
      'linked --local_changed--> linked|update_pending|awaiting_approval',
      'linked --remote_changed--> linked|update_pending|awaiting_approval|conflict',
      'linked --debounce_elapsed--> linked|update_pending|awaiting_approval',
      'linked --update_succeeded--> linked|update_pending|awaiting_approval',
      'linked --failed--> linked|update_pending|awaiting_approval|failed',
      'linked --retry_due--> linked|update_pending|awaiting_approval',
      'linked --conflict_detected--> conflict',
      'linked --link_requested--> linked|update_pending|awaiting_approval',
      'linked --unlink_requested--> unlinked',
      'linked --moved_out_of_scope--> link_broken',
      'linked --deleted_remotely--> link_broken',
      'update_pending --send_requested--> linked',
      'update_pending --local_changed--> linked|update_pending|awaiting_approval',
      'update_pending --remote_changed--> linked|update_pending|awaiting_approval|conflict',
      'update_pending --debounce_elapsed--> linked|update_pending|awaiting_approval',
      'update_pending --update_succeeded--> linked|update_pending|awaiting_approval',
      'update_pending --failed--> linked|update_pending|awaiting_approval|failed',
      'update_pending --retry_due--> linked|update_pending|awaiting_approval',
      'update_pending --conflict_detected--> conflict',
      'update_pending --link_requested--> linked|update_pending|awaiting_approval',
      'update_pending --unlink_requested--> unlinked',
      'update_pending --moved_out_of_scope--> link_broken',
      'update_pending --deleted_remotely--> link_broken',
      'awaiting_approval --send_requested--> linked',
      'awaiting_approval --local_changed--> linked|update_pending|awaiting_approval',
      'awaiting_approval --remote_changed--> linked|update_pending|awaiting_approval|conflict',
      'awaiting_approval --debounce_elapsed--> linked|update_pending|awaiting_approval',
      'awaiting_approval --approved--> linked|update_pending',
      'awaiting_approval --rejected--> linked|update_pending',
      'awaiting_approval --update_succeeded--> linked|update_pending|awaiting_approval',
      'awaiting_approval --failed--> linked|update_pending|awaiting_approval|failed',
      'awaiting_approval --retry_due--> linked|update_pending|awaiting_approval',
      'awaiting_approval --conflict_detected--> conflict',
      'awaiting_approval --link_requested--> linked|update_pending|awaiting_approval',
      'awaiting_approval --unlink_requested--> unlinked',
      'awaiting_approval --moved_out_of_scope--> link_broken',
      'awaiting_approval --deleted_remotely--> link_broken',
      'conflict --send_requested--> conflict',
      'conflict --local_changed--> conflict',
      'conflict --remote_changed--> conflict',
      'conflict --update_succeeded--> conflict',
      'conflict --failed--> conflict',
      'conflict --retry_due--> conflict',
      'conflict --conflict_detected--> conflict',
      'conflict --conflict_resolved--> linked|update_pending|awaiting_approval',
      'conflict --link_requested--> conflict',
      'conflict --unlink_requested--> unlinked',
      'conflict --moved_out_of_scope--> link_broken',
      'conflict --deleted_remotely--> link_broken',
      'failed --send_requested--> create_pending|linked',
      'failed --lookup_found--> failed|linked|update_pending|awaiting_approval',
      'failed --local_changed--> failed',
      'failed --remote_changed--> failed|conflict',
      'failed --conflict_detected--> failed|conflict',
      'failed --link_requested--> failed',
      'failed --link_existing--> failed|linked|update_pending|awaiting_approval',
      'failed --unlink_requested--> unlinked',
      'failed --moved_out_of_scope--> failed|link_broken',
      'failed --deleted_remotely--> failed|link_broken',
      'link_broken --send_requested--> create_pending',
      'link_broken --link_existing--> linked|update_pending|awaiting_approval',
      'link_broken --unlink_requested--> unlinked',
    ]);
  });
});
