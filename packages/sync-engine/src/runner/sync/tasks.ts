import type { TaskHandler } from '../queue/worker.ts';
import {
  applyEvent,
  DELIVER_EVENT_TASK,
  type DeliverEventPayload,
  REMOTE_EFFECT_TASK,
  type RemoteEffectPayload,
} from './apply-event.ts';
import type { SyncDeps } from './deps.ts';
import { performRemoteEffect } from './perform-remote-effect.ts';

/** The job handlers of the sync runner, for `createWorker({ handlers })`. */
export function syncTaskHandlers(deps: SyncDeps): Record<string, TaskHandler> {
  return {
    [REMOTE_EFFECT_TASK]: (job) =>
      performRemoteEffect(deps, job.payload as RemoteEffectPayload, job.attempts),
    [DELIVER_EVENT_TASK]: async (job) => {
      const { integrationId, record, event, batchId } = job.payload as DeliverEventPayload;
      await applyEvent(deps, integrationId, record, event, batchId ? { batchId } : {});
    },
  };
}
