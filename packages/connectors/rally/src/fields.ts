/**
 * Field values between the port and Rally. Outgoing: HTML is cleaned, calendar dates become
 * instants, references become relative refs, PI states and tags are resolved by name.
 * Incoming: references become ObjectIDs, PI states their names, tags their names, dates days.
 */
import { type RecordFields, RemoteError } from '@tandem/connector-kit';
import { TtlCache } from './cache.ts';
import { fromRallyDate, isSpanDate, toRallyDate } from './dates.ts';
import { fromRallyHtml, toRallyHtml } from './html.ts';
import { idOfRef, parseRef } from './refs.ts';
import { attributesOf, listStates } from './schema.ts';
import { isPortfolioItem, typePath } from './types.ts';
import type { RallyObject, Wsapi } from './wsapi-client.ts';

export const richTextFields = new Set(['Description', 'Notes', 'Theme']);

/** Reference fields and the type an ObjectID given alone refers to. */
function referencePath(type: string, field: string): string | null {
  switch (field) {
    case 'Release':
      return 'release';
    case 'Iteration':
      return 'iteration';
    case 'Project':
      return 'project';
    case 'Owner':
    case 'SubmittedBy':
      return 'user';
    case 'PortfolioItem':
      return 'portfolioitem';
    case 'Requirement':
      return 'hierarchicalrequirement';
    case 'WorkProduct':
      return 'hierarchicalrequirement';
    case 'Parent':
      return isPortfolioItem(type) ? 'portfolioitem' : 'hierarchicalrequirement';
    case 'State':
      return isPortfolioItem(type) ? 'state' : null;
    default:
      return null;
  }
}

/** Fields Rally computes; sending them only earns a warning. */
const readOnlyFields = new Set([
  '_ref',
  'ObjectID',
  'ObjectUUID',
  'FormattedID',
  'VersionId',
  'CreationDate',
  'LastUpdateDate',
  'Rank',
]);

function toRef(value: unknown, defaultPath: string, field: string): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object' && 'type' in value && 'id' in value) {
    return `/${typePath(String(value.type))}/${String(value.id)}`;
  }
  if (typeof value === 'object' && '_ref' in value) return toRef(value._ref, defaultPath, field);
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return `/${defaultPath}/${text}`;
  const parsed = parseRef(text);
  if (parsed) return `/${parsed.path}/${parsed.id}`;
  throw new RemoteError('validation', `${field}: not a Rally reference: ${text}`, {
    retryable: false,
    fieldErrors: [{ field, message: `not a Rally reference: ${text}` }],
  });
}

const tagCache = new TtlCache<string>(10 * 60_000);

async function tagRef(api: Wsapi, workspaceId: string, name: string): Promise<string> {
  return tagCache.get(`${api.base}|${workspaceId}|${name.toLowerCase()}`, async () => {
    const workspace = `/workspace/${workspaceId}`;
    const quoted = name.replace(/"/g, '\\"');
    const found = await api.query(
      '/tag',
      { workspace, query: `(Name = "${quoted}")`, fetch: 'ObjectID,Name', pagesize: 1 },
      'resolveTag',
    );
    const existing = found.results[0];
    if (existing) return `/tag/${existing.ObjectID}`;
    const created = await api.create('Tag', { Name: name }, { workspace, fetch: 'ObjectID' });
    return `/tag/${created.object.ObjectID}`;
  });
}

async function stateRef(
  api: Wsapi,
  workspaceId: string,
  type: string,
  value: unknown,
): Promise<unknown> {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'string' ? value.trim() : value;
  if (typeof text !== 'string' || /^\d+$/.test(text) || parseRef(text)) {
    return toRef(text, 'state', 'State');
  }
  const states = await listStates(api, { workspaceId }, type);
  const match = states.find((s) => s.name.toLowerCase() === text.toLowerCase());
  if (!match) {
    const message = `"${text}" is not a state of ${type} (states: ${states.map((s) => s.name).join(', ')})`;
    throw new RemoteError('validation', `State: ${message}`, {
      retryable: false,
      fieldErrors: [{ field: 'State', message }],
    });
  }
  return `/state/${match.id}`;
}

/**
 * Rally ignores a field it does not know (with only a warning), so a mapping to a misspelt or
 * deleted field would fail silently. Refuse it before sending anything.
 */
export async function assertKnownFields(
  api: Wsapi,
  workspaceId: string,
  type: string,
  fields: RecordFields,
): Promise<void> {
  const attributes = await attributesOf(api, { workspaceId }, type);
  const problems = Object.keys(fields)
    .filter((field) => fields[field] !== undefined && !readOnlyFields.has(field))
    .flatMap((field) => {
      const attribute = attributes.get(field);
      if (!attribute) return [{ field, message: `Rally has no field "${field}" on ${type}` }];
      if (attribute.readOnly) return [{ field, message: `"${field}" is read-only in Rally` }];
      return [];
    });
  if (problems.length > 0) {
    throw new RemoteError('validation', problems.map((p) => p.message).join('; '), {
      retryable: false,
      fieldErrors: problems,
    });
  }
}

const userCache = new TtlCache<string | null>(10 * 60_000);

/** An e-mail address or user name → the Rally user, or `null` when nobody matches. */
async function userRef(api: Wsapi, login: string): Promise<string | null> {
  return userCache.get(`${api.base}|${login.toLowerCase()}`, async () => {
    const quoted = login.replace(/"/g, '\\"');
    const found = await api.query(
      '/user',
      {
        query: `((EmailAddress = "${quoted}") OR (UserName = "${quoted}"))`,
        fetch: 'ObjectID',
        pagesize: 1,
      },
      'resolveUser',
    );
    const user = found.results[0];
    return user ? `/user/${user.ObjectID}` : null;
  });
}

export interface OutgoingOptions {
  workspaceId: string;
  timeZone: string;
}

/** Port field values → a Rally write body. */
export async function toRallyFields(
  api: Wsapi,
  type: string,
  fields: RecordFields,
  options: OutgoingOptions,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || readOnlyFields.has(field)) continue;
    if (richTextFields.has(field)) {
      out[field] = toRallyHtml(value as string | null, field);
    } else if (isSpanDate(field)) {
      out[field] = value === '' ? null : toRallyDate(field, value, options.timeZone);
    } else if (field === 'State' && isPortfolioItem(type)) {
      out[field] = await stateRef(api, options.workspaceId, type, value);
    } else if (
      (field === 'Owner' || field === 'SubmittedBy') &&
      typeof value === 'string' &&
      value.includes('@')
    ) {
      // Owners are matched by e-mail; nobody matching leaves the field unset.
      const ref = await userRef(api, value.trim());
      if (ref) out[field] = ref;
    } else if (field === 'Tags' || field === 'Milestones') {
      const items = Array.isArray(value) ? value : [];
      out[field] = await Promise.all(
        items.map(async (item) =>
          field === 'Tags' && typeof item === 'string' && !parseRef(item) && !/^\d+$/.test(item)
            ? { _ref: await tagRef(api, options.workspaceId, item) }
            : { _ref: toRef(item, field === 'Tags' ? 'tag' : 'milestone', field) },
        ),
      );
    } else {
      const path = referencePath(type, field);
      out[field] = path === null ? value : toRef(value, path, field);
    }
  }
  return out;
}

const skipped = new Set([
  'Errors',
  'Warnings',
  'Subscription',
  'Workspace',
  'RevisionHistory',
  'Attachments',
  'Discussion',
  'Changesets',
  'Connections',
]);

function tagNames(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    return value.map((t) =>
      String((t as RallyObject).Name ?? (t as RallyObject)._refObjectName ?? ''),
    );
  }
  if (value && typeof value === 'object') {
    const names = (value as { _tagsNameArray?: unknown })._tagsNameArray;
    if (Array.isArray(names)) return names.map((t) => String((t as RallyObject).Name ?? ''));
  }
  return undefined;
}

/** A Rally object → the port's field values. */
export function fromRallyFields(
  type: string,
  object: RallyObject,
  options: { timeZone: string; stripNotes?: (notes: string) => string },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(object)) {
    if (field.startsWith('_') || skipped.has(field)) continue;
    if (field === 'Tags' || field === 'Milestones') {
      const names = field === 'Tags' ? tagNames(value) : undefined;
      if (names) out[field] = names;
      continue;
    }
    if (richTextFields.has(field)) {
      const html = fromRallyHtml(value);
      out[field] = field === 'Notes' && options.stripNotes ? options.stripNotes(html) : html;
    } else if (isSpanDate(field)) {
      out[field] = value === null ? null : fromRallyDate(value, options.timeZone);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const stub = value as RallyObject & { Count?: number };
      if (typeof stub.Count === 'number') continue; // a collection
      if (field === 'State' && isPortfolioItem(type)) {
        out[field] = stub._refObjectName ?? stub.Name ?? null;
      } else if (typeof stub._ref === 'string') {
        out[field] = idOfRef(stub);
      } else {
        out[field] = value;
      }
    } else {
      out[field] = value;
    }
  }
  return out;
}
