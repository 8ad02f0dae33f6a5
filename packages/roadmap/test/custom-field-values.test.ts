import { describe, expect, it } from 'vitest';
import { mergeCustomFieldValues } from '../src/custom-fields/validate-values.ts';
import { Issues } from '../src/errors.ts';
import type { CustomFieldRow } from '../src/events/rows.ts';

const def = (over: Partial<CustomFieldRow>): CustomFieldRow => ({
  id: over.key ?? 'f',
  workspace_id: 'w',
  record_type: 'feature',
  key: 'f',
  label: 'F',
  type: 'text',
  options: [],
  required: false,
  position: 0,
  version: 1,
  created_at: '',
  updated_at: '',
  ...over,
});

const DEFS = [
  def({
    key: 'segment',
    label: 'Customer segment',
    type: 'select',
    options: ['SMB', 'Enterprise'],
    required: true,
  }),
  def({ key: 'effort', label: 'Effort', type: 'number' }),
  def({ key: 'due', label: 'Due', type: 'date' }),
];

function run(
  existing: Record<string, string | number | null>,
  patch: Record<string, string | number | null>,
) {
  const issues = new Issues();
  const values = mergeCustomFieldValues(DEFS, existing, patch, issues);
  return { values, issues: issues.list };
}

describe('custom field values', () => {
  it('accepts values of the right type and keeps only defined fields', () => {
    expect(run({ gone: 'x' }, { segment: 'SMB', effort: 3, due: '2027-02-28' })).toEqual({
      values: { segment: 'SMB', effort: 3, due: '2027-02-28' },
      issues: [],
    });
  });

  it('requires the required field on create and after an edit that clears it', () => {
    expect(run({}, {}).issues).toEqual([
      { path: 'customFields.segment', message: 'Customer segment is required' },
    ]);
    expect(run({ segment: 'SMB' }, { segment: null }).issues).toHaveLength(1);
    expect(run({ segment: 'SMB' }, { segment: '  ' }).issues).toHaveLength(1);
    expect(run({ segment: 'SMB' }, { effort: 2 }).issues).toEqual([]);
  });

  it('names unknown fields, wrong types, bad dates and values outside the options', () => {
    const { issues } = run(
      {},
      { segment: 'Gov', effort: 'lots', due: '2027-02-30', colour: 'red' },
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'customFields.colour',
      'customFields.due',
      'customFields.effort',
      'customFields.segment',
    ]);
  });
});
