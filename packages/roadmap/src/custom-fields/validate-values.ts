import type { CustomFieldValues } from '@tandem/contracts';
import type { Issues } from '../errors.ts';
import type { CustomFieldRow } from '../events/rows.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && !value.trim());
}

function typeProblem(def: CustomFieldRow, value: string | number): string | null {
  switch (def.type) {
    case 'text':
      return typeof value === 'string' ? null : `${def.label} must be text`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `${def.label} must be a number`;
    case 'date':
      return typeof value === 'string' && isValidDate(value)
        ? null
        : `${def.label} must be a date like 2027-03-31`;
    case 'select':
      return typeof value === 'string' && def.options.includes(value)
        ? null
        : `${def.label} must be one of: ${def.options.join(', ')}`;
  }
}

/**
 * Merges `patch` into `existing` (null clears a value) and checks the result against the
 * definitions: unknown keys, wrong types or values outside the options (for the values being
 * set), and missing required values (for the merged result, so it holds on create and on edit).
 * Values of fields that no longer exist are dropped. Problems go to `issues` as `customFields.<key>`.
 * `requireValues: false` skips the required check (values brought in from a remote system).
 */
export function mergeCustomFieldValues(
  definitions: readonly CustomFieldRow[],
  existing: CustomFieldValues,
  patch: CustomFieldValues,
  issues: Issues,
  options: { requireValues?: boolean } = {},
): CustomFieldValues {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  for (const key of Object.keys(patch)) {
    if (!byKey.has(key)) issues.add(`customFields.${key}`, `There is no custom field "${key}"`);
  }
  const merged: CustomFieldValues = {};
  for (const def of definitions) {
    const changing = Object.hasOwn(patch, def.key);
    const raw = changing ? patch[def.key] : existing[def.key];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (isEmpty(value)) {
      if (def.required && options.requireValues !== false)
        issues.add(`customFields.${def.key}`, `${def.label} is required`);
      continue;
    }
    // A stored value stays as it is (an option may have been renamed since); new ones must fit.
    const problem = changing ? typeProblem(def, value as string | number) : null;
    if (problem) issues.add(`customFields.${def.key}`, problem);
    else merged[def.key] = value as string | number;
  }
  return merged;
}
