import type { RemoteChange } from '@tandem/connector-kit';
import type { RecordMapping } from '@tandem/contracts';

/**
 * Recognising what needs no work from the delivery alone (decision 028). Pure: the change as
 * the connector parsed it, Tandem's own remote user, the mapping.
 */

/** Why a change was let go without being applied; counted, never logged one row each. */
export type EchoReason = 'own' | 'own_version' | 'roll_up' | 'duplicate';

/**
 * A change Tandem's own remote user made (its creates, its updates, the roll-ups the remote
 * recomputed because of them): nothing to bring back. A deletion is never one: it is confirmed
 * by reading the remote, whoever made it.
 */
export function isOwnEcho(change: RemoteChange, self: string | null): boolean {
  if (self === null || change.kind === 'deleted') return false;
  return change.changedBy === self || (change.kind === 'created' && change.createdBy === self);
}

/** The remote fields a record mapping brings in or sends: its fields, status and links. */
export function mappedRemoteFields(mapping: RecordMapping): Set<string> {
  const out = new Set<string>();
  for (const f of mapping.fields) out.add(f.remoteField);
  for (const l of mapping.links) out.add(l.remoteField);
  if (mapping.status) out.add(mapping.status.remoteField);
  return out;
}

/** Fields every remote bumps on any write; they say nothing about what changed. */
const BOOKKEEPING = new Set(['VersionId', 'LastUpdateDate', 'System.Rev', 'System.ChangedDate']);

/**
 * An update that touched only fields the mapping does not sync (a parent's roll-up fields the
 * remote recomputed, its version and timestamps): nothing to read, nothing to apply. Only when
 * the remote names every field it touched and the record stayed in its container.
 */
export function isRollUp(change: RemoteChange, mapping: RecordMapping): boolean {
  if (change.kind !== 'updated' || change.scopeChanged !== false) return false;
  const touched = change.changedFields ?? (change.fields ? Object.keys(change.fields) : null);
  if (touched === null) return false;
  const mapped = mappedRemoteFields(mapping);
  return touched.every((name) => !mapped.has(name) || BOOKKEEPING.has(name));
}

/**
 * Many changes to one record, as one: the latest version and time; fields merged in order (the
 * latest value wins) only when every change carried them, else none (the record is read);
 * a deletion or creation among them wins over updates; Tandem's user only if it made them all.
 */
export function coalesceChanges(changes: readonly RemoteChange[]): RemoteChange {
  if (changes.length === 1) return changes[0]!;
  const last = changes.at(-1)!;
  const deleted = changes.findLast((c) => c.kind === 'deleted');
  if (deleted) return deleted;
  const created = changes.find((c) => c.kind === 'created');
  const everyHasFields = changes.every((c) => c.fields !== undefined);
  const everyNamesFields = changes.every((c) => c.changedFields !== undefined || c.fields);
  const changedBy = changes.every((c) => c.changedBy === last.changedBy) ? last.changedBy : null;
  const merged: RemoteChange = {
    ...last,
    kind: created ? 'created' : last.kind,
    changedBy,
    ...(created?.createdBy !== undefined ? { createdBy: created.createdBy } : {}),
    scopeChanged: changes.some((c) => c.scopeChanged !== false)
      ? changes.some((c) => c.scopeChanged === true)
        ? true
        : undefined
      : false,
  };
  if (merged.scopeChanged === undefined) delete merged.scopeChanged;
  delete merged.fields;
  delete merged.previousFields;
  delete merged.changedFields;
  if (everyHasFields) {
    merged.fields = Object.assign({}, ...changes.map((c) => c.fields));
    merged.previousFields = Object.assign(
      {},
      ...changes.toReversed().map((c) => c.previousFields ?? {}),
    );
  }
  if (everyNamesFields) {
    merged.changedFields = [
      ...new Set(changes.flatMap((c) => c.changedFields ?? Object.keys(c.fields ?? {}))),
    ];
  }
  return merged;
}
