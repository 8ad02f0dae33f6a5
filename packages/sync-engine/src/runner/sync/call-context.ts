import { AsyncLocalStorage } from 'node:async_hooks';
import type { RecordRef } from '../../core/index.ts';

/** Which record (and send) a remote call is made for, so its HTTP log lines can name it. */
export type SyncCallContext = { integrationId: string; record: RecordRef; batchId?: string };

export const syncCallContext = new AsyncLocalStorage<SyncCallContext>();
