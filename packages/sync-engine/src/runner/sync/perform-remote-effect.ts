import { RemoteError, type RemoteRecord } from '@tandem/connector-kit';
import {
  mappedPairs,
  mapToRemote,
  type RecordMapping,
  type RecordRef,
  type RoadmapRecord,
  recordMappingFor,
  type SyncEvent,
  snapshotAfterSync,
} from '../../core/index.ts';
import { PostponeJob } from '../queue/port.ts';
import { applyEvent, type RemoteEffectPayload } from './apply-event.ts';
import type { SyncDeps } from './deps.ts';
import type { IntegrationRuntime, Trx } from './ports.ts';
import { foreignRecordReason, parentIntegrationFor } from './record-ownership.ts';
import { syncStateNames } from './record-syncs.ts';
import { linkAsRemoteRef, toRemoteRef, toRemoteSnapshot } from './remote-refs.ts';
import { hasAttachments, queueAttachments } from './send-attachments.ts';

/** How long a record waits for its parent's create to finish before looking again. */
const PARENT_WAIT_MS = 100;

/** The roadmap parents a record is sent under or linked to, by kind. */
function parentsOf(record: RoadmapRecord): RecordRef[] {
  const f = record.fields;
  const out: RecordRef[] = [];
  if (f.releaseId) out.push({ kind: 'release', id: f.releaseId });
  if (f.initiativeId) out.push({ kind: 'initiative', id: f.initiativeId });
  if (f.parentFeatureId) out.push({ kind: 'feature', id: f.parentFeatureId });
  return out;
}

function failedEvent(
  operation: 'create' | 'lookup' | 'update' | 'link',
  error: unknown,
  attempt: number,
  fields?: readonly string[],
): SyncEvent {
  const remote = RemoteError.is(error) ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  // Connectors often put the remote's own words in the message already; say each thing once.
  const details = (
    remote?.fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)) ?? []
  ).filter((detail, i, all) => !message.includes(detail) && all.indexOf(detail) === i);
  return {
    type: 'failed',
    operation,
    retryable: remote?.retryable ?? false,
    error: [message, ...details].join('; '),
    attempt,
    ...(fields ? { fields: fields as never } : {}),
  };
}

/**
 * Runs one remote effect of one record (create, look up, update, link) and answers `decide`
 * with what happened. Remote failures become events; only infrastructure errors throw.
 */
export async function performRemoteEffect(
  deps: SyncDeps,
  payload: RemoteEffectPayload,
  /** This job's attempt: above 1, an earlier run may have died after the remote applied it. */
  jobAttempt = 1,
  /** Completes the job in the same transaction as its answer. */
  completeWithin?: (trx: Trx) => Promise<void>,
): Promise<void> {
  const { integrationId, record: ref, effect } = payload;
  const runtime = await deps.integrations.runtime(integrationId);
  const [record] = await deps.roadmap.loadRecords([ref]);
  const answer = (event: SyncEvent, snapshot?: ReturnType<typeof snapshotAfterSync>) =>
    applyEvent(deps, integrationId, ref, event, {
      runtime,
      ...(snapshot ? { snapshot } : {}),
      ...(completeWithin ? { within: completeWithin } : {}),
    });
  const mapping = recordMappingFor(runtime.config, ref.kind);
  const foreign = record ? foreignRecordReason(record, runtime.config) : null;
  if (!record || !mapping || foreign) {
    const why = !record
      ? 'The record no longer exists'
      : (foreign ?? `${ref.kind} is not mapped by this integration`);
    await answer(
      failedEvent(effect.type === 'lookupByToken' ? 'lookup' : 'create', new Error(why), 99),
    );
    return;
  }

  switch (effect.type) {
    case 'createRemote': {
      const parents = await linkedParents(deps, runtime, record);
      const payloadFields = mapToRemote(record, mapping, {
        mode: 'create',
        resolveParent: parents.resolve,
      });
      const blocking = payloadFields.issues.filter((i) => i.code !== 'parent_not_linked');
      if (blocking.length > 0) {
        await answer(
          failedEvent(
            'create',
            new Error(`Cannot send: ${describeIssues(blocking)}`),
            effect.attempt,
          ),
        );
        return;
      }
      try {
        if (jobAttempt > 1) {
          // A worker died (or the database failed) during an earlier run of this very create:
          // the remote may already have the record, so look for the token before creating.
          const found = await runtime.connector.findByIdempotencyToken(runtime.context, {
            scope: runtime.scope,
            type: mapping.remoteType,
            idempotencyToken: effect.token,
          });
          if (found) {
            await answer(
              { type: 'lookup_found', remote: toRemoteRef(found) },
              snapshot(record, found, mapping, deps),
            );
            await sendFilesAfter(deps, integrationId, ref);
            return;
          }
        }
        const created = await runtime.connector.createRecord(runtime.context, {
          scope: runtime.scope,
          type: mapping.remoteType,
          fields: payloadFields.fields,
          ...(parents.container ? { parent: parents.container } : {}),
          idempotencyToken: effect.token,
          // Only what the snapshot keeps: the rest of a large record is neither sent nor parsed.
          returnFields: [
            ...mappedPairs(mapping).map((pair) => pair.remoteField),
            ...(mapping.status ? [mapping.status.remoteField] : []),
          ],
        });
        await answer(
          { type: 'create_succeeded', remote: toRemoteRef(created) },
          snapshot(record, created, mapping, deps),
        );
        await sendFilesAfter(deps, integrationId, ref);
      } catch (error) {
        if (RemoteError.is(error) && error.ambiguous) {
          await answer({ type: 'create_ambiguous_failure', error: error.message });
        } else {
          await answer(failedEvent('create', error, effect.attempt));
        }
      }
      return;
    }
    case 'lookupByToken': {
      try {
        const found = await runtime.connector.findByIdempotencyToken(runtime.context, {
          scope: runtime.scope,
          type: mapping.remoteType,
          idempotencyToken: effect.token,
        });
        await (found
          ? answer(
              { type: 'lookup_found', remote: toRemoteRef(found) },
              snapshot(record, found, mapping, deps),
            )
          : answer({ type: 'lookup_not_found' }));
        if (found) await sendFilesAfter(deps, integrationId, ref);
      } catch (error) {
        await answer(failedEvent('lookup', error, effect.attempt));
      }
      return;
    }
    case 'updateRemote': {
      const [link] = await deps.roadmap.loadLinks([integrationId], [record.id]);
      const remote = link && linkAsRemoteRef(link);
      if (!remote) {
        await answer(
          failedEvent(
            'update',
            new Error('The record has no remote link'),
            effect.attempt,
            effect.fields,
          ),
        );
        return;
      }
      const parents = await linkedParents(deps, runtime, record);
      const out = mapToRemote(record, mapping, {
        mode: 'update',
        only: effect.fields,
        resolveParent: parents.resolve,
      });
      try {
        const updated = await runtime.connector.updateRecord(
          runtime.context,
          { type: remote.remoteType, id: remote.remoteId },
          { fields: out.fields },
        );
        await answer(
          { type: 'update_succeeded', fields: effect.fields },
          snapshot(record, updated, mapping, deps),
        );
      } catch (error) {
        await answer(failedEvent('update', error, effect.attempt, effect.fields));
      }
      return;
    }
    case 'linkChild': {
      const { parent, remoteField } = effect.target;
      if (!(await parentIntegrationFor(deps, runtime.config, parent))) {
        await answer(
          failedEvent(
            'link',
            new Error(
              `The parent ${parent.kind} belongs to a workspace ${runtime.config.name} does not share records with`,
            ),
            1,
          ),
        );
        return;
      }
      const [mine] = await deps.roadmap.loadLinks([integrationId], [record.id]);
      const [theirs] = await deps.roadmap.loadLinks([parent.integrationId], [parent.id]);
      const child = mine && linkAsRemoteRef(mine);
      const target = theirs && linkAsRemoteRef(theirs);
      if (!child || !target)
        throw new PostponeJob('waiting for both records to be linked', PARENT_WAIT_MS);
      try {
        await runtime.connector.updateRecord(
          runtime.context,
          { type: child.remoteType, id: child.remoteId },
          { fields: { [remoteField]: target.ref ?? target.remoteId } },
        );
      } catch (error) {
        await answer(failedEvent('link', error, 1));
      }
      return;
    }
  }
}

/** A record's files follow it once it has a remote record (their own job: retried apart). */
async function sendFilesAfter(deps: SyncDeps, integrationId: string, record: RecordRef) {
  if (await hasAttachments(deps, record)) await queueAttachments(deps, { integrationId, record });
}

function snapshot(
  record: RoadmapRecord,
  remote: RemoteRecord,
  mapping: RecordMapping,
  deps: SyncDeps,
) {
  return snapshotAfterSync(record, toRemoteSnapshot(remote), mapping, deps.now());
}

function describeIssues(issues: readonly { code: string }[]): string {
  return issues.map((i) => JSON.stringify(i)).join('; ');
}

/**
 * Resolves the remote records of a record's parents. A parent whose own create is still in
 * flight postpones this job, so a feature is never created before its release has a link.
 */
async function linkedParents(deps: SyncDeps, runtime: IntegrationRuntime, record: RoadmapRecord) {
  const parents = parentsOf(record);
  const integrationId = runtime.config.id;
  // States first: a parent's link and its `linked` state commit together, so reading the state
  // before the links can never see "not pending" and then miss a link that just landed.
  const states = await syncStateNames(
    deps.db,
    integrationId,
    parents.map((p) => p.id),
  );
  if (parents.some((p) => states.get(p.id) === 'create_pending')) {
    throw new PostponeJob('waiting for a parent to be created', PARENT_WAIT_MS);
  }
  const links = await deps.roadmap.loadLinks(
    [integrationId],
    parents.map((p) => p.id),
  );
  const byId = new Map(links.map((l) => [l.recordId, linkAsRemoteRef(l)]));
  const feature = record.fields.parentFeatureId
    ? byId.get(record.fields.parentFeatureId)
    : undefined;
  return {
    resolve: (parent: RecordRef) => byId.get(parent.id),
    container: feature ? { type: feature.remoteType, id: feature.remoteId } : undefined,
  };
}
