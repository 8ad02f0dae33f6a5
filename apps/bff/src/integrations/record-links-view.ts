import type { RecordLink, RecordType } from '@tandem/contracts';
import { getIntegrationFields, workspaceOfRecord } from '@tandem/roadmap';
import { integrationLogRepository, integrationsRepository } from '@tandem/storage';
import { syncStatesOf } from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';
import { describeConflict } from './conflict-view.ts';

type Deps = Required<AppDeps>;

/**
 * One record's links, one per integration of its workspace that is past its draft: the chip with
 * the remote id, the error with a link to its log entry, the fields changed on both sides, or the
 * changes waiting for approval. A record of another workspace is not found.
 */
export async function recordLinksOf(
  deps: Deps,
  workspaceId: string,
  record: { kind: RecordType; id: string },
): Promise<RecordLink[]> {
  const db = deps.database.db;
  if ((await workspaceOfRecord(db, record)) !== workspaceId) throw AppError.notFound('Record');
  const integrations = (await integrationsRepository(db).listForWorkspace(workspaceId)).filter(
    (i) => i.state !== 'draft',
  );
  const fields = await getIntegrationFields(db, record.kind, record.id);
  const states = await syncStatesOf(db, record.id);
  const links: RecordLink[] = [];
  for (const integration of integrations) {
    const f = fields[integration.id] ?? {};
    const state = states.get(integration.id);
    // A failed sync points at its error; a send refused before anything went out (blocked by the
    // plan) leaves only a log entry, which the drawer shows the same way. The engine's own line,
    // not the HTTP request's that failed with it (either may be written first).
    const latestError = async (event: 'send_failed' | 'send_blocked') => {
      const [entry] = await integrationLogRepository(db).list({
        integrationId: integration.id,
        recordId: record.id,
        levels: ['error'],
        event,
        limit: 1,
      });
      return entry;
    };
    const blocked = state ? undefined : await latestError('send_blocked');
    const lastError = state?.name === 'failed' ? await latestError('send_failed') : blocked;
    links.push({
      integrationId: integration.id,
      integrationName: integration.name,
      system: integration.system,
      state: state?.name ?? 'unlinked',
      formattedId: (f.formattedId as string | undefined) ?? null,
      url: (f.url as string | undefined) ?? null,
      lastError: (state?.name === 'failed' ? state.error : undefined) ?? blocked?.message ?? null,
      lastLogId: lastError?.id ?? null,
      ...(state?.name === 'conflict'
        ? { conflict: await describeConflict(db, workspaceId, record.kind, record.id, state) }
        : {}),
      ...(state?.name === 'awaiting_approval' ? { approval: [...state.approval] } : {}),
    });
  }
  return links;
}
