import type { CustomFieldValues, RecordType } from '@tandem/contracts';
import { listCustomFieldRows } from '../custom-fields/queries.ts';
import { mergeCustomFieldValues } from '../custom-fields/validate-values.ts';
import { Issues } from '../errors.ts';
import { normaliseTags } from '../features/check.ts';
import { sanitizeRichText } from '../html/sanitize.ts';
import type { Reader } from '../store.ts';
import { isStatusOf } from '../workflows/queries.ts';

/**
 * Values a remote system holds for a roadmap record, already translated by the integration's
 * mappings (status ids, release ids, …). Only the keys present are written.
 */
export type RemoteValues = {
  name?: string;
  descriptionHtml?: string;
  statusId?: string | null;
  releaseId?: string | null;
  initiativeId?: string | null;
  /** A requirement's feature. */
  featureId?: string | null;
  tags?: readonly string[];
  score?: number | null;
  startDate?: string | null;
  dueDate?: string | null;
  customFields?: CustomFieldValues;
};

export type RemoteValueKey = keyof RemoteValues;

/** A value that was not written, and why (shown in the integration log). */
export type RefusedValue = { key: RemoteValueKey | `customFields.${string}`; message: string };

/** The keys each record type takes from a remote; the others are refused. */
const ACCEPTED: Record<RecordType, readonly RemoteValueKey[]> = {
  feature: [
    'name',
    'descriptionHtml',
    'statusId',
    'releaseId',
    'initiativeId',
    'tags',
    'score',
    'customFields',
  ],
  requirement: ['name', 'descriptionHtml', 'statusId', 'featureId', 'customFields'],
  release: ['name', 'statusId', 'startDate', 'dueDate'],
  initiative: ['name', 'descriptionHtml', 'statusId'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The values that may be written to a record of `recordType` in `workspaceId`, cleaned the way
 * the app cleans a person's input (HTML sanitised, tags normalised), each checked on its own:
 * one value the roadmap cannot hold (a status of another workflow, an empty name) is refused and
 * reported without stopping the others. Required custom fields are not enforced: the remote
 * never had them, and the drawer asks for them at the next edit.
 */
export async function checkRemoteValues(
  db: Reader,
  workspaceId: string,
  recordType: RecordType,
  values: RemoteValues,
  existingCustomFields: CustomFieldValues = {},
): Promise<{ accepted: RemoteValues; refused: RefusedValue[] }> {
  const accepted: RemoteValues = {};
  const refused: RefusedValue[] = [];
  const refuse = (key: RefusedValue['key'], message: string) => refused.push({ key, message });

  for (const key of Object.keys(values) as RemoteValueKey[]) {
    const value = values[key];
    if (value === undefined) continue;
    if (!ACCEPTED[recordType].includes(key)) {
      refuse(key, `A ${recordType} has no ${key} to take from the remote`);
      continue;
    }
    switch (key) {
      case 'name': {
        const name = String(value).trim();
        if (name === '') refuse(key, 'The name is empty');
        else accepted.name = name.slice(0, 255);
        break;
      }
      case 'descriptionHtml':
        accepted.descriptionHtml = sanitizeRichText(value === null ? '' : String(value));
        break;
      case 'statusId':
        if (typeof value !== 'string' || !(await isStatusOf(db, workspaceId, recordType, value)))
          refuse(key, `This status is not part of the ${recordType} workflow of this workspace`);
        else accepted.statusId = value;
        break;
      case 'releaseId':
        if (value === null)
          refuse(key, `A ${recordType} always has a release; the remote has none, so it stays`);
        else if (
          typeof value !== 'string' ||
          !(await inWorkspace(db, 'releases', workspaceId, value))
        )
          refuse(key, 'The release is not in this workspace');
        else accepted.releaseId = value;
        break;
      case 'initiativeId':
        if (value !== null && !(await inWorkspace(db, 'initiatives', workspaceId, String(value))))
          refuse(key, 'The initiative is not in this workspace');
        else accepted.initiativeId = value as string | null;
        break;
      case 'tags':
        accepted.tags = Array.isArray(value) ? normaliseTags(value as string[]) : [];
        break;
      case 'score':
        if (value !== null && (typeof value !== 'number' || value < 0 || value > 10_000))
          refuse(key, 'The score must be a number from 0 to 10000');
        else accepted.score = value as number | null;
        break;
      case 'startDate':
      case 'dueDate':
        if (value !== null && !(typeof value === 'string' && ISO_DATE.test(value)))
          refuse(key, 'Not a calendar date');
        else accepted[key] = value as string | null;
        break;
      case 'customFields': {
        const issues = new Issues();
        const definitions = await listCustomFieldRows(db, workspaceId, recordType);
        const merged = mergeCustomFieldValues(
          definitions,
          existingCustomFields,
          value as CustomFieldValues,
          issues,
          { requireValues: false },
        );
        for (const issue of issues.list) refuse(issue.path as RefusedValue['key'], issue.message);
        if (issues.list.length === 0) accepted.customFields = merged;
        break;
      }
      case 'featureId':
        refuse(key, 'Moving a requirement to another feature is not brought in');
        break;
    }
  }
  return { accepted, refused };
}

async function inWorkspace(
  db: Reader,
  table: 'releases' | 'initiatives',
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('workspace_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.workspace_id === workspaceId;
}
