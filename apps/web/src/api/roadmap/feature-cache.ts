import type { Feature } from '@tandem/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { roadmapKeys } from './keys';

/**
 * Writes one feature into every cached board list, so the board and the drawer agree at once.
 * The lists are re-fetched afterwards anyway; this only spares the user a flicker.
 */
export function writeFeatureToLists(queryClient: QueryClient, feature: Feature): void {
  queryClient.setQueriesData<Feature[]>(
    { queryKey: roadmapKeys.featureLists(feature.workspaceId) },
    (list) => list?.map((f) => (f.id === feature.id ? { ...f, ...stripDetail(feature) } : f)),
  );
}

/** A detail (with requirements and attachments) written into a list must stay a plain feature. */
function stripDetail(feature: Feature): Feature {
  const {
    requirements: _r,
    attachments: _a,
    ...rest
  } = feature as Feature & {
    requirements?: unknown;
    attachments?: unknown;
  };
  return rest;
}
