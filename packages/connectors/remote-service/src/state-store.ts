/**
 * What the adapter remembers of each record it sent: the protocol is record-oriented (every event
 * carries the whole record) while the port sends field changes and reads records back, so the
 * last sent fields and the integration fields the service answered are kept here. In memory by
 * default (see README, "What does not map").
 */
export type RecordKind = 'feature' | 'release' | 'requirement';

export interface RecordState {
  kind: RecordKind;
  /** The record's `id` in events: the idempotency token of the create that made it. */
  handle: string;
  /** The integration field `id` the service answered. */
  remoteId: string;
  fields: Record<string, unknown>;
  integrationFields: Record<string, string>;
  version: number;
  updatedAt: string;
  parentId?: string;
}

export interface PendingCreate {
  kind: RecordKind;
  fields: Record<string, unknown>;
  parentId?: string;
}

export interface ServiceStateStore {
  get(account: string, kind: RecordKind, remoteId: string): RecordState | undefined;
  byHandle(account: string, handle: string): RecordState | undefined;
  put(account: string, state: RecordState): void;
  remove(account: string, kind: RecordKind, remoteId: string): void;
  children(account: string, parentId: string): RecordState[];
  pending(account: string, token: string): PendingCreate | undefined;
  setPending(account: string, token: string, pending: PendingCreate | undefined): void;
  metaData(account: string): Record<string, unknown>;
  setMetaData(account: string, metaData: Record<string, unknown>): void;
}

export function memoryStateStore(): ServiceStateStore {
  const records = new Map<string, RecordState>();
  const handles = new Map<string, RecordState>();
  const pendings = new Map<string, PendingCreate>();
  const metas = new Map<string, Record<string, unknown>>();
  const key = (account: string, kind: string, id: string) => `${account}\n${kind}\n${id}`;
  return {
    get: (account, kind, remoteId) => records.get(key(account, kind, remoteId)),
    byHandle: (account, handle) => handles.get(`${account}\n${handle}`),
    put(account, state) {
      records.set(key(account, state.kind, state.remoteId), state);
      handles.set(`${account}\n${state.handle}`, state);
    },
    remove(account, kind, remoteId) {
      const state = records.get(key(account, kind, remoteId));
      records.delete(key(account, kind, remoteId));
      if (state) handles.delete(`${account}\n${state.handle}`);
    },
    children: (account, parentId) =>
      [...records.entries()]
        .filter(([k, s]) => k.startsWith(`${account}\n`) && s.parentId === parentId)
        .map(([, s]) => s),
    pending: (account, token) => pendings.get(`${account}\n${token}`),
    setPending(account, token, pending) {
      if (pending) pendings.set(`${account}\n${token}`, pending);
      else pendings.delete(`${account}\n${token}`);
    },
    metaData: (account) => metas.get(account) ?? {},
    setMetaData: (account, metaData) => metas.set(account, metaData),
  };
}
