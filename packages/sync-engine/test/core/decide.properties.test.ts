import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/decide.ts';
import {
  DEBOUNCE_MS,
  type RecordSync,
  SYNC_STATE_NAMES,
  type SyncEvent,
} from '../../src/core/lifecycle/model.ts';
import type { RoadmapFieldKey } from '../../src/core/types.ts';
import { ctx, remote } from './builders.ts';

const field = fc.constantFrom<RoadmapFieldKey>('name', 'description', 'status', 'score');
const fields = fc.uniqueArray(field, { minLength: 1, maxLength: 3 });
const attempt = fc.integer({ min: 1, max: 6 });
const target = fc.constant({
  parent: { kind: 'initiative' as const, id: 'i1', integrationId: 'int-2' },
  remoteField: 'Parent',
});

/** Any event, in any order: the lifecycle must stay sound whatever the runner and people do. */
const event: fc.Arbitrary<SyncEvent> = fc.oneof(
  fc.record({
    type: fc.constant('send_requested' as const),
    token: fc.constant('placeholder'),
    linkTo: fc.array(target, { maxLength: 1 }),
  }),
  fc.constant({ type: 'create_succeeded' as const, remote }),
  fc.constant({ type: 'create_ambiguous_failure' as const, error: 'timeout' }),
  fc.constant({ type: 'lookup_found' as const, remote }),
  fc.constant({ type: 'lookup_not_found' as const }),
  fc.record({
    type: fc.constant('local_changed' as const),
    fields,
    origin: fc.constantFrom('user:u1', 'integration:int-1', 'integration:int-2'),
  }),
  fc.record({
    type: fc.constant('remote_changed' as const),
    changes: fc.dictionary(field, fc.string({ maxLength: 3 }), { minKeys: 1 }),
  }),
  fc.constant({ type: 'debounce_elapsed' as const }),
  fc
    .record({
      type: fc.constant('approved' as const),
      fields: fc.option(fields, { nil: undefined }),
    })
    .map((e) => (e.fields ? e : { type: e.type })),
  fc.constant({ type: 'rejected' as const }),
  fc.record({ type: fc.constant('update_succeeded' as const), fields }),
  fc.record({
    type: fc.constant('failed' as const),
    operation: fc.constantFrom(
      'create' as const,
      'lookup' as const,
      'update' as const,
      'link' as const,
    ),
    retryable: fc.boolean(),
    error: fc.constant('boom'),
    attempt,
    fields,
  }),
  fc.record({
    type: fc.constant('retry_due' as const),
    operation: fc.constantFrom('create' as const, 'lookup' as const, 'update' as const),
    attempt,
    fields,
  }),
  fc.record({
    type: fc.constant('conflict_detected' as const),
    fields,
    theirs: fc.constant({ name: 'x' }),
  }),
  fc.record({
    type: fc.constant('conflict_resolved' as const),
    keep: fc.constantFrom('roadmap' as const, 'remote' as const),
  }),
  fc.record({ type: fc.constant('link_requested' as const), target }),
  fc.constant({ type: 'link_existing' as const, remote }),
  fc.constant({ type: 'imported' as const, remote }),
  fc.constant({ type: 'unlink_requested' as const }),
  fc.constant({ type: 'moved_out_of_scope' as const }),
  fc.constant({ type: 'deleted_remotely' as const }),
);
const history = fc.array(fc.tuple(event, fc.integer({ min: 0, max: 7 * 60_000 })), {
  maxLength: 40,
});
const EXPLICIT = new Set(['send_requested', 'approved', 'conflict_resolved', 'retry_due']);

describe('decide properties', () => {
  it.each(['auto', 'approve'] as const)(
    '%s mode: echo-free, one create per token, debounced rich text',
    (sendMode) => {
      fc.assert(
        fc.property(history, (events) => {
          const context = ctx({ sendMode });
          let sync: RecordSync = { context, state: { name: 'unlinked' } };
          let now = Date.parse('2026-03-01T10:00:00.000Z');
          let tokens = 0;
          let lastRichEdit = Number.NEGATIVE_INFINITY;
          const ambiguous = new Set<string>();
          for (const [raw, delta] of events) {
            now += delta;
            const e: SyncEvent =
              raw.type === 'send_requested' ? { ...raw, token: `tok-${++tokens}` } : raw;
            const before = sync.state;
            const { state, effects } = decide(sync, e, new Date(now));
            sync = state;
            // A lookup that found nothing resolves the unknown outcome: creating again is safe.
            if (
              before.name === 'create_pending' &&
              before.lookingUp &&
              e.type === 'lookup_not_found'
            )
              ambiguous.delete(before.token);
            expect(SYNC_STATE_NAMES).toContain(sync.state.name);
            expect(sync.context).toBe(context);

            // Echo rule: a change this integration applied never produces an effect.
            if (e.type === 'local_changed' && e.origin === 'integration:int-1') {
              expect(effects).toEqual([]);
              expect(sync.state).toBe(before);
            }
            for (const effect of effects) {
              if (effect.type === 'applyLocal') expect(effect.origin).toBe('integration:int-1');
              if (effect.type === 'createRemote') {
                // Never a create for a token whose earlier outcome is unknown, never a second
                // create because someone pressed Send again.
                expect(ambiguous.has(effect.token)).toBe(false);
                if (before.name === 'create_pending') expect(e.type).not.toBe('send_requested');
              }
              if (effect.type === 'updateRemote') {
                const rich = effect.fields.includes('description');
                if (rich && !EXPLICIT.has(e.type)) {
                  expect(e.type).toBe('debounce_elapsed');
                  expect(now - lastRichEdit).toBeGreaterThanOrEqual(DEBOUNCE_MS);
                }
                if (sendMode === 'approve' && !EXPLICIT.has(e.type))
                  expect(e.type).not.toMatch(/local_changed|debounce_elapsed/);
              }
              if (effect.type === 'scheduleAt' && effect.event.type === 'debounce_elapsed') {
                expect(effect).toMatchObject({
                  jobKey: 'debounce:f1:int-1',
                  mode: 'replace',
                  at: new Date(now + DEBOUNCE_MS).toISOString(),
                });
              }
            }
            if (
              e.type === 'local_changed' &&
              e.origin !== 'integration:int-1' &&
              e.fields.includes('description')
            )
              lastRichEdit = now;
            if (before.name === 'create_pending' && e.type === 'create_ambiguous_failure')
              ambiguous.add(before.token);
          }
        }),
        { numRuns: 300 },
      );
    },
  );
});
