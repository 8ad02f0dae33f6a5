/**
 * `decide(state, event, now) → { state, effects }` for one record's sync lifecycle with one
 * integration. Pure: time arrives as `now`, tokens arrive in events, and every remote call,
 * write, schedule and notification is an effect for the runner to perform (after storing the new
 * state and the effects together) and to answer with the next event.
 */
import type { Step } from './lifecycle/handlers.ts';
import {
  type Decision,
  type RecordSync,
  SYNC_EVENT_TYPES,
  SYNC_STATE_NAMES,
  type SyncEvent,
  type SyncEventType,
  type SyncState,
} from './lifecycle/model.ts';
import type { Entry } from './lifecycle/table.ts';
import { TRANSITIONS } from './lifecycle/table.ts';

export function decide(sync: RecordSync, event: SyncEvent, now: Date): Decision {
  // The table is indexed by the state's name and the event's type; the casts only join the two
  // halves of a pair the table's type already matched.
  const entry = TRANSITIONS[sync.state.name][event.type] as Entry<SyncState, SyncEventType>;
  if (entry.kind === 'ignore') return { state: sync, effects: [] };
  const step = (entry.run as (s: unknown, e: unknown, c: unknown, n: Date) => Step)(
    sync.state,
    event,
    sync.context,
    now,
  );
  if (!entry.to.includes(step.state.name) && step.state.name !== sync.state.name) {
    throw new Error(`Illegal transition ${sync.state.name} --${event.type}--> ${step.state.name}`);
  }
  return { state: { context: sync.context, state: step.state }, effects: step.effects };
}

/** Every handled (state, event) pair with the states it may lead to: `from --event--> a|b`. */
export function legalTransitions(): string[] {
  const lines: string[] = [];
  for (const from of SYNC_STATE_NAMES)
    for (const type of SYNC_EVENT_TYPES) {
      const entry = TRANSITIONS[from][type] as Entry<SyncState, SyncEventType>;
      if (entry.kind === 'handle')
        lines.push(`${from} --${type}--> ${[...new Set(entry.to)].join('|')}`);
    }
  return lines;
}
