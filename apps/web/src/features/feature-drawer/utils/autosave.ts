import type { UpdateFeatureRequest } from '@tandem/contracts';

/**
 * The drawer's autosave as a pure state machine: `decide(state, event)` returns the next state and
 * the effects for the shell (`use-autosave.ts`) to run. Edits wait for a quiet moment (debounce),
 * one save is in flight at a time, edits made meanwhile wait for the next one, and a conflict keeps
 * the user's edits until they choose to reload or to overwrite.
 */
export type FeaturePatch = Omit<UpdateFeatureRequest, 'version'>;

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'error';

export interface AutosaveState {
  status: AutosaveStatus;
  /** Edits not sent yet. */
  pending: FeaturePatch;
  /** Edits sent and not yet answered. */
  inFlight: FeaturePatch | null;
  /** The version the user's edits are based on. */
  version: number;
  /** The server's version when a save was refused as stale. */
  conflictVersion: number | null;
  error: string | null;
}

export type AutosaveEvent =
  | { type: 'edit'; patch: FeaturePatch }
  | { type: 'timerFired' }
  | { type: 'flush' }
  | { type: 'saved'; version: number }
  | { type: 'conflict'; currentVersion: number }
  | { type: 'failed'; message: string }
  | { type: 'overwrite' }
  | { type: 'reload'; version: number }
  | { type: 'serverVersion'; version: number };

export type AutosaveEffect =
  | { type: 'schedule' }
  | { type: 'save'; patch: FeaturePatch; version: number }
  | { type: 'discardEdits' }
  /** Someone else's change arrived while nothing was unsaved: editors show the new values. */
  | { type: 'refreshEditors' };

export interface Decision {
  state: AutosaveState;
  effects: AutosaveEffect[];
}

export const AUTOSAVE_DELAY_MS = 800;

export function initialAutosaveState(version: number): AutosaveState {
  return {
    status: 'idle',
    pending: {},
    inFlight: null,
    version,
    conflictVersion: null,
    error: null,
  };
}

const isEmpty = (patch: FeaturePatch) => Object.keys(patch).length === 0;
const stay = (state: AutosaveState): Decision => ({ state, effects: [] });

function send(state: AutosaveState, version = state.version): Decision {
  const patch = state.pending;
  return {
    state: { ...state, status: 'saving', inFlight: patch, pending: {}, version, error: null },
    effects: [{ type: 'save', patch, version }],
  };
}

export function decide(state: AutosaveState, event: AutosaveEvent): Decision {
  switch (event.type) {
    case 'edit': {
      const pending = { ...state.pending, ...event.patch };
      if (state.status === 'conflict' || state.status === 'saving') {
        return stay({ ...state, pending });
      }
      return {
        state: { ...state, status: 'pending', pending, error: null },
        effects: [{ type: 'schedule' }],
      };
    }
    case 'timerFired':
      return state.status === 'pending' && !isEmpty(state.pending) ? send(state) : stay(state);
    case 'flush':
      return (state.status === 'pending' || state.status === 'error') && !isEmpty(state.pending)
        ? send(state)
        : stay(state);
    case 'saved': {
      if (state.status !== 'saving') return stay(state);
      const next = { ...state, inFlight: null, version: event.version };
      return isEmpty(state.pending)
        ? stay({ ...next, status: 'saved' })
        : { state: { ...next, status: 'pending' }, effects: [{ type: 'schedule' }] };
    }
    case 'conflict':
      if (state.status !== 'saving') return stay(state);
      return stay({
        ...state,
        status: 'conflict',
        pending: { ...state.inFlight, ...state.pending },
        inFlight: null,
        conflictVersion: event.currentVersion,
      });
    case 'failed':
      if (state.status !== 'saving') return stay(state);
      return stay({
        ...state,
        status: 'error',
        pending: { ...state.inFlight, ...state.pending },
        inFlight: null,
        error: event.message,
      });
    case 'overwrite':
      if (state.status !== 'conflict' || state.conflictVersion === null) return stay(state);
      return send({ ...state, conflictVersion: null }, state.conflictVersion);
    case 'reload':
      if (state.status !== 'conflict') return stay(state);
      return {
        state: { ...initialAutosaveState(event.version), status: 'idle' },
        effects: [{ type: 'discardEdits' }],
      };
    case 'serverVersion':
      // Someone (this tab's board, another user, an integration) saved; follow only while
      // nothing is unsaved, and reload the editors, which do not follow their value by themselves.
      return (state.status === 'idle' || state.status === 'saved') && event.version > state.version
        ? { state: { ...state, version: event.version }, effects: [{ type: 'refreshEditors' }] }
        : stay(state);
  }
}

/** What the user sees beside the title. */
export function autosaveLabel(state: AutosaveState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'conflict':
      return 'Conflict';
    case 'error':
      return 'Not saved';
  }
}
