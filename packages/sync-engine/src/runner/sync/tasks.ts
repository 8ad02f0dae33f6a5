import type { TaskHandler } from '../queue/worker.ts';
import {
  applyEvent,
  DELIVER_EVENT_TASK,
  type DeliverEventPayload,
  REMOTE_EFFECT_TASK,
  type RemoteEffectPayload,
} from './apply-event.ts';
import { syncCallContext } from './call-context.ts';
import type { SyncDeps } from './deps.ts';
import { performRemoteEffect } from './perform-remote-effect.ts';
import {
  SEND_ATTACHMENTS_TASK,
  type SendAttachmentsPayload,
  sendAttachments,
} from './send-attachments.ts';

/** The job handlers of the sync runner, for `createWorker({ handlers })`. */
export function syncTaskHandlers(deps: SyncDeps): Record<string, TaskHandler> {
  return {
    [REMOTE_EFFECT_TASK]: (job, helpers) => {
      const payload = job.payload as RemoteEffectPayload;
      return syncCallContext.run(
        { integrationId: payload.integrationId, record: payload.record },
        () => performRemoteEffect(deps, payload, job.attempts, helpers.completeWithin),
      );
    },
    [DELIVER_EVENT_TASK]: async (job, helpers) => {
      const { integrationId, record, event, batchId } = job.payload as DeliverEventPayload;
      await applyEvent(deps, integrationId, record, event, {
        ...(batchId ? { batchId } : {}),
        ...(helpers.completeWithin ? { within: helpers.completeWithin } : {}),
      });
    },
    [SEND_ATTACHMENTS_TASK]: (job) => {
      const payload = job.payload as SendAttachmentsPayload;
      return syncCallContext.run(
        { integrationId: payload.integrationId, record: payload.record },
        () => sendAttachments(deps, payload),
      );
    },
  };
}
