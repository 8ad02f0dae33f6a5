import type { CustomFieldValues, RecordType } from '@tandem/contracts';
import { listCustomFieldRows } from '../custom-fields/queries.ts';
import { mergeCustomFieldValues } from '../custom-fields/validate-values.ts';
import type { Issues } from '../errors.ts';
import type { Reader } from '../store.ts';
import { isStatusOf } from '../workflows/queries.ts';
import { isMember } from '../workspaces.ts';

/** The reference fields of a feature or requirement write; only the ones present are checked. */
export type ReferenceFields = {
  statusId?: string | undefined;
  releaseId?: string | undefined;
  initiativeId?: string | null | undefined;
  assigneeId?: string | null | undefined;
};

/**
 * Checks that every referenced record exists where it must: the status in this workspace's
 * workflow for the record type, the release in this workspace, the initiative somewhere the actor
 * can see, the assignee a member of this workspace.
 */
export async function checkReferences(
  db: Reader,
  scope: { workspaceId: string; recordType: RecordType; actorId: string | null },
  fields: ReferenceFields,
  issues: Issues,
): Promise<void> {
  const { workspaceId, recordType, actorId } = scope;
  if (fields.statusId && !(await isStatusOf(db, workspaceId, recordType, fields.statusId))) {
    issues.add(
      'statusId',
      `This status is not part of the ${recordType} workflow of this workspace`,
    );
  }
  if (fields.releaseId) {
    const release = await db
      .selectFrom('releases')
      .select('workspace_id')
      .where('id', '=', fields.releaseId)
      .executeTakeFirst();
    if (release?.workspace_id !== workspaceId) {
      issues.add('releaseId', 'This release is not in this workspace');
    }
  }
  if (fields.initiativeId) {
    const initiative = await db
      .selectFrom('initiatives')
      .select('workspace_id')
      .where('id', '=', fields.initiativeId)
      .executeTakeFirst();
    const visible =
      initiative &&
      (initiative.workspace_id === workspaceId ||
        actorId === null ||
        (await isMember(db, initiative.workspace_id, actorId)));
    if (!visible) issues.add('initiativeId', 'Initiative not found');
  }
  if (fields.assigneeId && !(await isMember(db, workspaceId, fields.assigneeId))) {
    issues.add('assigneeId', 'The assignee is not a member of this workspace');
  }
}

/** Merges and checks custom field values against the workspace's definitions for the type. */
export async function checkCustomFields(
  db: Reader,
  workspaceId: string,
  recordType: RecordType,
  existing: CustomFieldValues,
  patch: CustomFieldValues,
  issues: Issues,
): Promise<CustomFieldValues> {
  const definitions = await listCustomFieldRows(db, workspaceId, recordType);
  return mergeCustomFieldValues(definitions, existing, patch, issues);
}

/** Trimmed, without empty or repeated tags (case-insensitive), in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}
