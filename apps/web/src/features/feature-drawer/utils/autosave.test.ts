import { describe, expect, it } from 'vitest';
import { type AutosaveEvent, type AutosaveState, decide, initialAutosaveState } from './autosave';

/** Runs events in order, collecting every effect. */
function run(events: AutosaveEvent[], state: AutosaveState = initialAutosaveState(3)) {
  const effects = [];
  for (const event of events) {
    const decision = decide(state, event);
    state = decision.state;
    effects.push(...decision.effects);
  }
  return { state, effects };
}

describe('autosave', () => {
  it('waits for a quiet moment, then saves every edit at once with the base version', () => {
    const { state, effects } = run([
      { type: 'edit', patch: { name: 'A' } },
      { type: 'edit', patch: { name: 'AB', score: 5 } },
      { type: 'timerFired' },
    ]);
    expect(effects).toEqual([
      { type: 'schedule' },
      { type: 'schedule' },
      { type: 'save', patch: { name: 'AB', score: 5 }, version: 3 },
    ]);
    expect(state).toMatchObject({
      status: 'saving',
      pending: {},
      inFlight: { name: 'AB', score: 5 },
    });
  });

  it('shows saved with the new version when the server answers', () => {
    const { state } = run([
      { type: 'edit', patch: { name: 'A' } },
      { type: 'timerFired' },
      { type: 'saved', version: 4 },
    ]);
    expect(state).toMatchObject({ status: 'saved', version: 4, inFlight: null });
  });

  it('keeps edits made during a save for the next one, based on the new version', () => {
    const { state, effects } = run([
      { type: 'edit', patch: { name: 'A' } },
      { type: 'timerFired' },
      { type: 'edit', patch: { descriptionHtml: '<p>x</p>' } },
      { type: 'timerFired' },
      { type: 'saved', version: 4 },
      { type: 'timerFired' },
    ]);
    expect(effects.filter((e) => e.type === 'save')).toEqual([
      { type: 'save', patch: { name: 'A' }, version: 3 },
      { type: 'save', patch: { descriptionHtml: '<p>x</p>' }, version: 4 },
    ]);
    expect(state.status).toBe('saving');
  });

  it('on a conflict keeps the user’s edits and stops saving', () => {
    const { state, effects } = run([
      { type: 'edit', patch: { descriptionHtml: '<p>mine</p>' } },
      { type: 'timerFired' },
      { type: 'edit', patch: { name: 'Mine' } },
      { type: 'conflict', currentVersion: 7 },
      { type: 'edit', patch: { score: 1 } },
      { type: 'timerFired' },
    ]);
    expect(state).toMatchObject({
      status: 'conflict',
      conflictVersion: 7,
      pending: { descriptionHtml: '<p>mine</p>', name: 'Mine', score: 1 },
    });
    expect(effects.filter((e) => e.type === 'save')).toHaveLength(1);
  });

  it('overwrites with the server’s current version when the user chooses to', () => {
    const { state, effects } = run([
      { type: 'edit', patch: { name: 'Mine' } },
      { type: 'timerFired' },
      { type: 'conflict', currentVersion: 7 },
      { type: 'overwrite' },
      { type: 'saved', version: 8 },
    ]);
    expect(effects.at(-1)).toEqual({ type: 'save', patch: { name: 'Mine' }, version: 7 });
    expect(state).toMatchObject({ status: 'saved', version: 8, conflictVersion: null });
  });

  it('drops the user’s edits when they reload', () => {
    const { state, effects } = run([
      { type: 'edit', patch: { name: 'Mine' } },
      { type: 'timerFired' },
      { type: 'conflict', currentVersion: 7 },
      { type: 'reload', version: 7 },
    ]);
    expect(effects.at(-1)).toEqual({ type: 'discardEdits' });
    expect(state).toMatchObject({ status: 'idle', pending: {}, version: 7 });
  });

  it('keeps edits after a failure and sends them again on flush', () => {
    const { state, effects } = run([
      { type: 'edit', patch: { name: 'A' } },
      { type: 'timerFired' },
      { type: 'failed', message: 'offline' },
      { type: 'flush' },
    ]);
    expect(effects.at(-1)).toEqual({ type: 'save', patch: { name: 'A' }, version: 3 });
    expect(state.status).toBe('saving');
  });

  it('follows the server’s version only while nothing is unsaved, and reloads the editors then', () => {
    const followed = run([{ type: 'serverVersion', version: 5 }]);
    expect(followed.state.version).toBe(5);
    expect(followed.effects).toEqual([{ type: 'refreshEditors' }]);
    expect(run([{ type: 'serverVersion', version: 3 }]).effects).toEqual([]);
    expect(
      run([
        { type: 'edit', patch: { name: 'A' } },
        { type: 'serverVersion', version: 5 },
      ]).state.version,
    ).toBe(3);
  });

  it('ignores answers that do not belong to a save', () => {
    const start = initialAutosaveState(3);
    for (const event of [
      { type: 'saved', version: 9 },
      { type: 'conflict', currentVersion: 9 },
      { type: 'failed', message: 'x' },
      { type: 'overwrite' },
      { type: 'reload', version: 9 },
      { type: 'timerFired' },
      { type: 'flush' },
    ] satisfies AutosaveEvent[]) {
      expect(decide(start, event)).toEqual({ state: start, effects: [] });
    }
  });
});
