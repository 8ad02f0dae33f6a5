import type { RemoteChange } from '@tandem/connector-kit';
import { isActiveIntegration } from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
} from '@tandem/storage';
import { callRemote, IntegrationNotReadyError } from '../errors.ts';
import type { RunnerDeps } from '../runner-deps.ts';
import { type DeliveryOutcome, handleRemoteChange } from './incoming-webhook.ts';

type Deps = RunnerDeps;

/** Pages asked for in one poll at most; the next poll continues from the cursor. */
const MAX_PAGES = 5;

export type PollResult = {
  /** `started`: the first poll only marks "now"; changes from then on come in. */
  outcome: 'started' | 'polled';
  changes: number;
  outcomes: Partial<Record<DeliveryOutcome, number>>;
  polledAt: string;
};

/**
 * Asks the remote what changed in the integration's scope since the last poll and handles each
 * change as a webhook delivery would be handled (same dedupe by change id, same mappings, same
 * conflicts, same imports). The cursor moves on only past changes that were handled, and only if
 * no one else moved it meanwhile, so a change is never skipped and never handled twice.
 */
export async function pollRemoteChanges(deps: Deps, row: IntegrationRow): Promise<PollResult> {
  if (!isActiveIntegration(row.state)) {
    throw new IntegrationNotReadyError(
      `${row.name} is ${row.state.replaceAll('_', ' ')}; enable it to check for changes`,
    );
  }
  const connection = await callRemote(deps.connectors.displayNameOf(row.system), () =>
    deps.sync.gateway.connect(row),
  );
  const { connector, context, effective } = connection;
  const settings = effective.settings;
  const scope = {
    workspaceId: settings.remoteWorkspace?.id ?? '',
    ...(settings.remoteProject ? { projectId: settings.remoteProject.id } : {}),
  };
  const types = [
    ...new Set(
      (settings.recordMappings ?? []).filter((m) => m.enabled !== false).map((m) => m.remoteType),
    ),
  ];
  const repo = integrationsRepository(deps.database.db);
  const started = row.pollCursor;
  let cursor = started;
  const outcomes: PollResult['outcomes'] = {};
  let count = 0;
  const polledAt = deps.now().toISOString();
  let finished = false;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await connector.changesSince(context, { scope, cursor, types });
      for (const change of answer.changes as RemoteChange[]) {
        const outcome = await handleRemoteChange(deps, row, connection, change, 'poll');
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        count += 1;
      }
      cursor = answer.nextCursor;
      if (started === null || answer.changes.length === 0) break;
    }
    finished = true;
  } finally {
    // What was handled stays handled: keep the cursor of the last page taken in full. A poll
    // that failed before any progress leaves "last checked" as it was.
    if (cursor !== null && (finished || cursor !== started))
      await repo.savePollCursor(row.id, started, cursor, polledAt);
  }
  if (count > 0 || started === null) {
    await integrationLogRepository(deps.database.db).append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        level: 'info',
        event: 'poll',
        message:
          started === null
            ? 'Started polling the remote for changes; changes made from now on come in'
            : `Polled the remote: ${count} change${count === 1 ? '' : 's'} (${Object.entries(
                outcomes,
              )
                .map(([outcome, n]) => `${n} ${outcome.replaceAll('_', ' ')}`)
                .join(', ')})`,
      },
      polledAt,
    );
  }
  return { outcome: started === null ? 'started' : 'polled', changes: count, outcomes, polledAt };
}
