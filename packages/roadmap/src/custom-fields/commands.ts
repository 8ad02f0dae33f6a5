import type {
  CustomFieldDefinition,
  createCustomFieldRequestSchema,
  updateCustomFieldRequestSchema,
} from '@tandem/contracts';
import type { z } from 'zod';
import type { ActionContext } from '../context.ts';
import { Issues, NotFoundError } from '../errors.ts';
import type { CustomFieldRow } from '../events/rows.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import type { Store } from '../store.ts';
import { listCustomFieldRows, toCustomField } from './queries.ts';

export type CreateCustomFieldInput = z.output<typeof createCustomFieldRequestSchema>;
export type UpdateCustomFieldInput = z.output<typeof updateCustomFieldRequestSchema>;

function checkOptions(type: string, options: readonly string[], issues: Issues): string[] {
  const unique = [...new Set(options)];
  if (unique.length !== options.length) issues.add('options', 'Options must be different');
  if (type === 'select' && unique.length === 0) {
    issues.add('options', 'A select field needs at least one option');
  }
  if (type !== 'select' && unique.length > 0)
    issues.add('options', 'Only select fields have options');
  return unique;
}

async function loadInWorkspace(
  tx: WriteTx,
  workspaceId: string,
  id: string,
): Promise<CustomFieldRow> {
  const row = await tx.load('custom_field_definitions', id);
  if (!row || row.workspace_id !== workspaceId) throw new NotFoundError('Custom field');
  return row;
}

export function createCustomField(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  input: CreateCustomFieldInput,
): Promise<CustomFieldDefinition> {
  return runWrite(store, ctx, async (tx) => {
    const issues = new Issues();
    const siblings = await listCustomFieldRows(tx.read.db, workspaceId, input.recordType);
    if (siblings.some((f) => f.key === input.key)) {
      issues.add('key', `A ${input.recordType} field with the key "${input.key}" already exists`);
    }
    const options = checkOptions(input.type, input.options, issues);
    issues.throwIfAny();
    const row = await tx.create('custom_field_definitions', {
      id: newId(),
      workspace_id: workspaceId,
      record_type: input.recordType,
      key: input.key,
      label: input.label,
      type: input.type,
      options,
      required: input.required,
      position: Math.max(-1, ...siblings.map((f) => f.position)) + 1,
    });
    return toCustomField(row);
  });
}

export function updateCustomField(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
  input: UpdateCustomFieldInput,
): Promise<CustomFieldDefinition> {
  return runWrite(store, ctx, async (tx) => {
    const before = await loadInWorkspace(tx, workspaceId, id);
    const issues = new Issues();
    const options = input.options && checkOptions(before.type, input.options, issues);
    issues.throwIfAny();
    const row = await tx.update('custom_field_definitions', before, {
      label: input.label,
      options,
      required: input.required,
    });
    return toCustomField(row);
  });
}

/** Values stored under the key stay on records until their next edit, which drops them. */
export function deleteCustomField(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
): Promise<void> {
  return runWrite(store, ctx, async (tx) => {
    await tx.remove('custom_field_definitions', await loadInWorkspace(tx, workspaceId, id));
  });
}
