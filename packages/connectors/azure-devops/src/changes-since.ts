/**
 * Polling: what changed in the integration's area since a cursor, by WIQL on
 * `System.ChangedDate` (to the millisecond, `timePrecision=true`), then a batch read of the
 * revisions; deletions from the project's recycle bin. The cursor is the latest change seen and
 * the work item revisions at that instant, so a change is reported once even when two share a
 * millisecond.
 */
import type {
  ChangePage,
  ChangesSinceInput,
  ConnectorContext,
  RemoteChange,
} from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { AdoClient, values } from './client.ts';
import type { AzureDevOpsConfig } from './spec.ts';
import { identityKey, type WorkItem } from './work-item.ts';

type Ctx = ConnectorContext<AzureDevOpsConfig>;

interface Cursor {
  /** Latest `System.ChangedDate` seen. */
  at: string;
  /** `id:rev` seen at `at`. */
  seen: string[];
  /** Latest deletion seen. */
  deletedAt: string;
  /** Ids deleted at `deletedAt`. */
  deleted: string[];
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const epoch = new Date(0).toISOString();

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.at !== 'string' || typeof value.deletedAt !== 'string') throw new Error();
    return {
      at: value.at,
      seen: Array.isArray(value.seen) ? value.seen.map(String) : [],
      deletedAt: value.deletedAt,
      deleted: Array.isArray(value.deleted) ? value.deleted.map(String) : [],
    };
  } catch {
    throw new RemoteError('validation', 'Not a cursor of the Azure DevOps connector', {
      retryable: false,
    });
  }
}

const fields = [
  'System.Id',
  'System.Rev',
  'System.WorkItemType',
  'System.ChangedDate',
  'System.ChangedBy',
  'System.CreatedBy',
  'System.AreaPath',
];

function scopeClause(ctx: Ctx, input: ChangesSinceInput): string {
  const area = input.scope.projectId ?? ctx.config.projectId;
  const areaClause = ctx.config.excludeChildUpdates
    ? `[System.AreaPath] = ${quote(area)}`
    : `[System.AreaPath] UNDER ${quote(area)}`;
  const types = input.types?.length
    ? ` AND [System.WorkItemType] IN (${input.types.map(quote).join(', ')})`
    : '';
  return `[System.TeamProject] = @project AND ${areaClause}${types}`;
}

async function wiql(api: AdoClient, project: string, query: string, top: number) {
  const result = await api.json<{ workItems?: { id: number }[] }>(
    'POST',
    `/${encodeURIComponent(project)}/_apis/wit/wiql`,
    'changesSince',
    { query: { timePrecision: true, $top: top }, json: { query }, idempotent: true },
  );
  return (result?.workItems ?? []).map((w) => w.id);
}

async function batch(api: AdoClient, ids: number[]): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const page = await api.json<{ value?: WorkItem[] }>(
      'POST',
      '/_apis/wit/workitemsbatch',
      'changesSince.read',
      {
        json: { ids: ids.slice(i, i + 200), fields, errorPolicy: 'omit' },
        idempotent: true,
      },
    );
    out.push(...values(page).filter(Boolean));
  }
  return out;
}

interface Deleted {
  id: number;
  deletedDate?: string;
  type?: string;
}

async function recycleBin(api: AdoClient, project: string): Promise<Deleted[]> {
  return values(
    await api.get<{ value?: Deleted[] }>(
      `/${encodeURIComponent(project)}/_apis/wit/recyclebin`,
      'changesSince.deleted',
    ),
  );
}

const maxOf = (dates: string[], floor: string) =>
  dates.reduce((max, d) => (Date.parse(d) > Date.parse(max) ? d : max), floor);

export async function changesSince(ctx: Ctx, input: ChangesSinceInput): Promise<ChangePage> {
  const api = new AdoClient(ctx);
  const project = input.scope.workspaceId;
  const where = scopeClause(ctx, input);
  if (input.cursor === null) {
    const latest = await wiql(
      api,
      project,
      `SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project ORDER BY [System.ChangedDate] DESC`,
      1,
    );
    const items = await batch(api, latest);
    const at = maxOf(
      items.map((i) => String(i.fields?.['System.ChangedDate'] ?? epoch)),
      epoch,
    );
    const seen = items
      .filter((i) => i.fields?.['System.ChangedDate'] === at)
      .map((i) => `${i.id}:${i.rev}`);
    const bin = await recycleBin(api, project);
    const deletedAt = maxOf(
      bin.map((d) => d.deletedDate ?? epoch),
      epoch,
    );
    return {
      changes: [],
      nextCursor: encodeCursor({
        at,
        seen,
        deletedAt,
        deleted: bin.filter((d) => d.deletedDate === deletedAt).map((d) => String(d.id)),
      }),
    };
  }
  const cursor = decodeCursor(input.cursor);
  const ids = await wiql(
    api,
    project,
    `SELECT [System.Id] FROM WorkItems WHERE ${where} AND [System.ChangedDate] >= ${quote(cursor.at)} ORDER BY [System.ChangedDate]`,
    20_000,
  );
  const seen = new Set(cursor.seen);
  const items = (await batch(api, ids)).filter((i) => !seen.has(`${i.id}:${i.rev}`));
  const changes: RemoteChange[] = items.map((item) => {
    const f = item.fields ?? {};
    return {
      kind: item.rev === 1 ? 'created' : 'updated',
      ref: { type: String(f['System.WorkItemType'] ?? 'Work item'), id: String(item.id) },
      version: String(item.rev),
      changedAt: new Date(String(f['System.ChangedDate'] ?? epoch)).toISOString(),
      changedBy: identityKey(f['System.ChangedBy']),
      createdBy: identityKey(f['System.CreatedBy']),
      changeId: `poll:${item.id}:${item.rev}`,
    };
  });
  const at = maxOf(
    items.map((i) => String(i.fields?.['System.ChangedDate'] ?? epoch)),
    cursor.at,
  );
  const nextSeen = [
    ...(at === cursor.at ? cursor.seen : []),
    ...items.filter((i) => i.fields?.['System.ChangedDate'] === at).map((i) => `${i.id}:${i.rev}`),
  ];

  const wanted = new Set(input.types ?? []);
  const already = new Set(cursor.deleted);
  const deletions = (await recycleBin(api, project)).filter(
    (d) =>
      d.deletedDate &&
      Date.parse(d.deletedDate) >= Date.parse(cursor.deletedAt) &&
      !(d.deletedDate === cursor.deletedAt && already.has(String(d.id))) &&
      (wanted.size === 0 || (d.type !== undefined && wanted.has(d.type))),
  );
  for (const d of deletions) {
    changes.push({
      kind: 'deleted',
      ref: { type: d.type ?? 'Work item', id: String(d.id) },
      version: null,
      changedAt: new Date(d.deletedDate ?? epoch).toISOString(),
      changedBy: null,
      changeId: `poll:deleted:${d.id}:${d.deletedDate}`,
    });
  }
  const deletedAt = maxOf(
    deletions.map((d) => d.deletedDate ?? epoch),
    cursor.deletedAt,
  );
  const nextDeleted = [
    ...(deletedAt === cursor.deletedAt ? cursor.deleted : []),
    ...deletions.filter((d) => d.deletedDate === deletedAt).map((d) => String(d.id)),
  ];
  return {
    changes,
    nextCursor: encodeCursor({ at, seen: nextSeen, deletedAt, deleted: nextDeleted }),
  };
}
