/**
 * Polling, for what webhooks missed: per record type, everything whose `LastUpdateDate` is at or
 * after the cursor, oldest first, page by page; deletions from the recycle bin by
 * `DeletionDate`. The cursor remembers, per stream, the last timestamp and the changes already
 * reported at exactly that timestamp, so nothing is reported twice and a tie is never skipped.
 */
import type {
  ChangePage,
  ChangesSinceInput,
  ConnectorContext,
  RemoteChange,
} from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import type { RallyConfig } from './spec.ts';
import { typeFromRallyName, typePath } from './types.ts';
import { type Query, type RallyObject, Wsapi } from './wsapi-client.ts';

type Ctx = ConnectorContext<RallyConfig>;

export const defaultPolledTypes = [
  'PortfolioItem/Initiative',
  'PortfolioItem/Feature',
  'HierarchicalRequirement',
] as const;

/**
 * Timeboxes have no `LastUpdateDate` to query by (WSAPI refuses the attribute), so they are not
 * polled: their edits reach Tandem by webhook only, and their deletions through the recycle bin.
 */
const timeboxes = new Set(['Release', 'Iteration']);

const pageSize = 200;
/** Per stream and call; the next poll continues from where this one stopped. */
const maxPerStream = 1000;
const deletions = '#deleted';
const epoch = '1970-01-01T00:00:00.000Z';

interface Mark {
  /** Last timestamp reported. */
  t: string;
  /** `id@version` reported at exactly `t`. */
  seen: string[];
}

interface Cursor {
  v: 1;
  streams: Record<string, Mark>;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (value.v !== 1 || typeof value.streams !== 'object') throw new Error('bad version');
    return value;
  } catch {
    throw new RemoteError('validation', 'Not a Rally change cursor', { retryable: false });
  }
}

const quoted = (iso: string) => `"${iso}"`;

/** The user-facing type name Rally writes in a recycle bin entry → the port's type. */
function typeOfEntry(name: string): string {
  const compact = name.replace(/\s+/g, '');
  if (/^(userstory|hierarchicalrequirement|story)$/i.test(compact))
    return 'HierarchicalRequirement';
  return typeFromRallyName(compact);
}

function scopeQuery(ctx: Ctx, input: ChangesSinceInput): Query {
  return {
    workspace: `/workspace/${input.scope.workspaceId}`,
    project: `/project/${input.scope.projectId ?? ctx.config.projectId}`,
    projectScopeDown: !ctx.config.excludeChildUpdates,
    projectScopeUp: false,
  };
}

async function latest(api: Wsapi, path: string, query: Query, field: string): Promise<Mark> {
  const page = await api.query(
    path,
    {
      ...query,
      order: `${field} DESC,ObjectID`,
      fetch: `ObjectID,VersionId,${field}`,
      pagesize: pageSize,
    },
    'changesSince',
  );
  const top = page.results[0];
  if (!top) return { t: epoch, seen: [] };
  const t = String(top[field]);
  // Everything already at the newest timestamp is "before now" too.
  const seen = page.results
    .filter((object) => String(object[field]) === t)
    .map((object) => `${object.ObjectID}@${object.VersionId ?? ''}`);
  return { t, seen };
}

async function stream(
  api: Wsapi,
  path: string,
  query: Query,
  field: string,
  mark: Mark,
): Promise<{ objects: RallyObject[]; mark: Mark }> {
  const objects: RallyObject[] = [];
  let next: Mark = { t: mark.t, seen: [...mark.seen] };
  pages: for (let start = 1; ; start += pageSize) {
    const page = await api.query(
      path,
      {
        ...query,
        query: `(${field} >= ${quoted(mark.t)})`,
        order: `${field},ObjectID`,
        fetch:
          field === 'DeletionDate'
            ? 'ObjectID,VersionId,Name,ID,Type,DeletionDate,DeletedBy'
            : 'ObjectID,ObjectUUID,VersionId,FormattedID,Name,CreationDate,LastUpdateDate,CreatedBy',
        start,
        pagesize: pageSize,
      },
      'changesSince',
    );
    for (const object of page.results) {
      if (objects.length >= maxPerStream) break pages;
      const key = `${object.ObjectID}@${object.VersionId ?? ''}`;
      const t = String(object[field]);
      if (t === mark.t && mark.seen.includes(key)) continue;
      objects.push(object);
      next = t === next.t ? { t, seen: [...next.seen, key] } : { t, seen: [key] };
    }
    if (page.results.length < pageSize || start + pageSize > page.total) break;
  }
  return { objects, mark: next };
}

/** The creating user's UUID (what webhooks name as `changedBy`), when Rally says. */
function creatorOf(object: RallyObject): string | null {
  const by = object.CreatedBy as { _refObjectUUID?: unknown } | null | undefined;
  return typeof by?._refObjectUUID === 'string' ? by._refObjectUUID : null;
}

/** Made after the cursor (at its very timestamp only if never changed since). */
function createdAfter(object: RallyObject, t: string): boolean {
  const created = String(object.CreationDate);
  return created > t || (created === t && created === String(object.LastUpdateDate));
}

export async function changesSince(ctx: Ctx, input: ChangesSinceInput): Promise<ChangePage> {
  const api = new Wsapi(ctx);
  const scope = scopeQuery(ctx, input);
  const asked = [...(input.types ?? defaultPolledTypes)];
  const types = asked.filter((type) => !timeboxes.has(type));
  const workspaceOnly: Query = { workspace: scope.workspace };

  if (input.cursor === null) {
    const streams: Record<string, Mark> = {};
    for (const type of types) {
      streams[type] = await latest(api, `/${typePath(type)}`, scope, 'LastUpdateDate');
    }
    streams[deletions] = await latest(api, '/recyclebinentry', workspaceOnly, 'DeletionDate');
    return { changes: [], nextCursor: encodeCursor({ v: 1, streams }) };
  }

  const cursor = decodeCursor(input.cursor);
  const streams: Record<string, Mark> = { ...cursor.streams };
  const changes: RemoteChange[] = [];

  for (const type of types) {
    const mark = cursor.streams[type];
    if (!mark) {
      // A type added since the last poll starts now.
      streams[type] = await latest(api, `/${typePath(type)}`, scope, 'LastUpdateDate');
      continue;
    }
    const { objects, mark: next } = await stream(
      api,
      `/${typePath(type)}`,
      scope,
      'LastUpdateDate',
      mark,
    );
    streams[type] = next;
    for (const object of objects) {
      const updatedAt = String(object.LastUpdateDate);
      const creator = creatorOf(object);
      const untouched = String(object.CreationDate) === updatedAt;
      changes.push({
        kind: createdAfter(object, mark.t) ? 'created' : 'updated',
        ref: { type, id: String(object.ObjectID) },
        version: object.VersionId === undefined ? null : String(object.VersionId),
        changedAt: updatedAt,
        // Rally does not say who last changed a record; only a record never changed since its
        // create was last changed by its creator.
        changedBy: untouched ? creator : null,
        createdBy: creator,
        changeId: `poll:${type}:${object.ObjectID}@${object.VersionId ?? updatedAt}`,
      });
    }
  }

  const deletedMark = cursor.streams[deletions] ?? { t: epoch, seen: [] };
  const deleted = await stream(api, '/recyclebinentry', workspaceOnly, 'DeletionDate', deletedMark);
  streams[deletions] = deleted.mark;
  for (const entry of deleted.objects) {
    const type = typeOfEntry(String(entry.Type ?? ''));
    if (!asked.includes(type)) continue;
    changes.push({
      kind: 'deleted',
      // Rally keeps the artifact's ObjectID on its recycle bin entry.
      ref: { type, id: String(entry.ObjectID) },
      version: null,
      changedAt: String(entry.DeletionDate),
      changedBy: null,
      fields: { FormattedID: entry.ID ?? null, Name: entry.Name ?? null },
      changeId: `poll:deleted:${entry.ObjectID}`,
    });
  }

  changes.sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  return { changes, nextCursor: encodeCursor({ v: 1, streams }) };
}
