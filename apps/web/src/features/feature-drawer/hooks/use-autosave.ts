import { type FeatureDetail, featureSchema } from '@tandem/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { writeFeatureToLists } from '@/api/roadmap/feature-cache';
import { roadmapKeys } from '@/api/roadmap/keys';
import { isApiError } from '@/lib/api-client';
import { updateFeature } from '../api/update-feature';
import {
  AUTOSAVE_DELAY_MS,
  type AutosaveEffect,
  type AutosaveEvent,
  decide,
  type FeaturePatch,
  initialAutosaveState,
} from '../utils/autosave';

/**
 * Runs the autosave machine for one feature: a debounce timer, one PATCH at a time, the answer
 * written into the cache (drawer and board), and the conflict choices. `values` is the feature as
 * the user sees it: the server's copy with their unsaved edits on top.
 */
export function useAutosave(workspaceId: string, feature: FeatureDetail) {
  const queryClient = useQueryClient();
  const [state, setState] = useState(() => initialAutosaveState(feature.version));
  const stateRef = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const serverCurrent = useRef<unknown>(null);
  const [editorKey, setEditorKey] = useState(0);
  const detailKey = roadmapKeys.featureDetail(workspaceId, feature.id);

  const writeToCache = useCallback(
    (saved: unknown) => {
      const parsed = featureSchema.safeParse(saved);
      if (!parsed.success) return false;
      queryClient.setQueryData<FeatureDetail>(detailKey, (detail) =>
        detail ? { ...detail, ...parsed.data } : detail,
      );
      writeFeatureToLists(queryClient, parsed.data);
      return true;
    },
    [queryClient, detailKey],
  );

  const dispatchRef = useRef<(event: AutosaveEvent) => void>(() => {});
  const run = useCallback(
    (effect: AutosaveEffect) => {
      const dispatch = (event: AutosaveEvent) => dispatchRef.current(event);
      switch (effect.type) {
        case 'schedule':
          clearTimeout(timer.current);
          timer.current = setTimeout(() => dispatch({ type: 'timerFired' }), AUTOSAVE_DELAY_MS);
          return;
        case 'save':
          clearTimeout(timer.current);
          updateFeature(workspaceId, feature.id, { ...effect.patch, version: effect.version }).then(
            (saved) => {
              writeToCache(saved);
              dispatch({ type: 'saved', version: saved.version });
            },
            (error: unknown) => {
              if (isApiError(error) && error.status === 409) {
                serverCurrent.current = error.details.current;
                const currentVersion = Number(error.details.currentVersion);
                dispatch({
                  type: 'conflict',
                  currentVersion: currentVersion || effect.version + 1,
                });
              } else {
                const field = isApiError(error) ? error.fields[0]?.message : undefined;
                dispatch({ type: 'failed', message: field ?? (error as Error).message });
              }
            },
          );
          return;
        case 'refreshEditors':
          setEditorKey((k) => k + 1);
          return;
        case 'discardEdits':
          if (!writeToCache(serverCurrent.current)) {
            void queryClient.invalidateQueries({ queryKey: detailKey });
          }
          setEditorKey((k) => k + 1);
          return;
      }
    },
    [workspaceId, feature.id, writeToCache, queryClient, detailKey],
  );

  const dispatch = useCallback(
    (event: AutosaveEvent) => {
      const { state: next, effects } = decide(stateRef.current, event);
      stateRef.current = next;
      setState(next);
      for (const effect of effects) run(effect);
    },
    [run],
  );
  dispatchRef.current = dispatch;

  useEffect(
    () => dispatch({ type: 'serverVersion', version: feature.version }),
    [dispatch, feature.version],
  );

  // Leaving the feature sends what is waiting instead of dropping it; closing the tab warns.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const s = stateRef.current;
      if (s.status === 'pending' || s.status === 'saving' || s.status === 'conflict') {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      clearTimeout(timer.current);
      dispatchRef.current({ type: 'flush' });
    };
  }, []);

  const values = useMemo(
    () => ({ ...feature, ...state.inFlight, ...state.pending }),
    [feature, state.inFlight, state.pending],
  );

  return {
    state,
    values,
    editorKey,
    edit: (patch: FeaturePatch) => dispatch({ type: 'edit', patch }),
    flush: () => dispatch({ type: 'flush' }),
    overwrite: () => dispatch({ type: 'overwrite' }),
    reload: () => {
      const current = featureSchema.safeParse(serverCurrent.current);
      dispatch({ type: 'reload', version: current.success ? current.data.version : state.version });
    },
  };
}
