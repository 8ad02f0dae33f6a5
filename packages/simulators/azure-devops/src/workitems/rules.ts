/**
 * The rules a save runs after the patch: field types, read-only fields, required fields, allowed
 * values, tree paths, states and transitions, default reasons and the fields the server fills in.
 * With `bypassRules` only types and tree paths are checked, and people and dates may be set.
 */
import { AdoError, invalidTreeName, type RuleViolation, ruleError } from '../errors.ts';
import { CORE_FIELDS, findField } from '../process/fields.ts';
import { defaultReason, type WorkItemTypeDef } from '../process/processes.ts';
import { findByFieldPath } from '../state/classification.ts';
import type { ClassificationNode, Identity, Project } from '../state/model.ts';
import { coerce } from './values.ts';

export interface RuleContext {
  id: number;
  project: Project;
  type: WorkItemTypeDef;
  areas: ClassificationNode;
  iterations: ClassificationNode;
  users: readonly Identity[];
  userId: string;
  now: string;
  bypassRules: boolean;
}

const BYPASS_WRITABLE = new Set([
  'System.CreatedDate',
  'System.CreatedBy',
  'System.ChangedDate',
  'System.ChangedBy',
]);
const MAX_TITLE = 255;

const fieldName = (ref: string) => findField(ref)?.name ?? ref;
const violation = (field: string, code: string, flags?: string): RuleViolation => ({
  field,
  fieldName: fieldName(field),
  code,
  flags,
});

function fieldsOfType(type: WorkItemTypeDef): Set<string> {
  return new Set<string>([...CORE_FIELDS, ...type.fields]);
}

/**
 * `previous` is the stored fields before the save (null on create); `patched` the fields after the
 * patch. Returns the fields to store, or throws TF401320 / TF401347.
 */
export function applyRules(
  ctx: RuleContext,
  previous: Record<string, unknown> | null,
  patched: Record<string, unknown>,
): Record<string, unknown> {
  const allowed = fieldsOfType(ctx.type);
  const violations: RuleViolation[] = [];
  const out: Record<string, unknown> = {};
  const before = previous ?? {};
  // History is a comment on one revision; it is not carried to the next one.
  const { 'System.History': _oldHistory, ...carried } = before;

  for (const [ref, raw] of Object.entries(patched)) {
    const def = findField(ref);
    if (!def)
      throw new AdoError(`TF51535: Cannot find field ${ref}.`, {
        status: 400,
        typeKey: 'WorkItemFieldInvalidException',
        eventId: 3200,
      });
    const unchanged = ref in carried && JSON.stringify(carried[ref]) === JSON.stringify(raw);
    if (unchanged) {
      out[ref] = raw;
      continue;
    }
    if (!allowed.has(ref)) {
      violations.push(violation(ref, 'InvalidField'));
      continue;
    }
    if (def.readOnly && !(ctx.bypassRules && BYPASS_WRITABLE.has(ref))) {
      violations.push(violation(ref, 'InvalidNotOldValue', 'readOnly, allowsOldValue'));
      continue;
    }
    const coerced = coerce(def, raw, ctx.users);
    if (!coerced.ok) {
      violations.push(violation(ref, coerced.code));
      continue;
    }
    if (
      !ctx.bypassRules &&
      def.allowedValues &&
      !def.allowedValues.includes(coerced.value as never)
    ) {
      violations.push(violation(ref, 'InvalidListValue', 'hasValues, limitedToValues'));
      continue;
    }
    out[ref] = coerced.value;
  }

  for (const [field, root, idField] of [
    ['System.AreaPath', ctx.areas, 'System.AreaId'],
    ['System.IterationPath', ctx.iterations, 'System.IterationId'],
  ] as const) {
    const value = out[field] ?? ctx.project.name;
    const node = findByFieldPath(root, String(value));
    if (!node) throw invalidTreeName(previous ? ctx.id : -1, field);
    out[field] = fieldPathOf(root, String(value));
    out[idField] = node.id;
  }

  out['System.TeamProject'] = ctx.project.name;
  out['System.WorkItemType'] = ctx.type.name;
  if (!previous) {
    for (const [ref, value] of Object.entries(ctx.type.defaults))
      if (!(ref in out)) out[ref] = value;
  }

  applyStateRules(ctx, before, out, violations, previous === null);

  if (!ctx.bypassRules) {
    const title = out['System.Title'];
    if (typeof title !== 'string' || title.trim() === '')
      violations.push(violation('System.Title', 'InvalidEmpty', 'required'));
    else if (title.length > MAX_TITLE) violations.push(violation('System.Title', 'InvalidTooLong'));
    for (const ref of ctx.type.required) {
      const v = out[ref];
      if (v === undefined || v === null || v === '')
        violations.push(violation(ref, 'Required', 'required'));
    }
  }
  if (violations.length > 0) throw ruleError(violations);

  fillServerFields(ctx, previous, out, patched);
  return out;
}

function fieldPathOf(root: ClassificationNode, value: string): string {
  // Store the path with the tree's own spelling of each name.
  const parts = value.split('\\').slice(1);
  const names = [root.name];
  let node = root;
  for (const part of parts) {
    node = node.children.find((c) => c.name.toLowerCase() === part.toLowerCase())!;
    names.push(node.name);
  }
  return names.join('\\');
}

function applyStateRules(
  ctx: RuleContext,
  before: Record<string, unknown>,
  out: Record<string, unknown>,
  violations: RuleViolation[],
  isCreate: boolean,
): void {
  const oldState = isCreate ? '' : String(before['System.State'] ?? '');
  const requested = out['System.State'];
  const state = requested === undefined || requested === '' ? null : String(requested);
  const flags = 'required, hasValues, limitedToValues, allowsOldValue';
  if (state === null) {
    if (isCreate) out['System.State'] = ctx.type.transitions['']![0];
    else violations.push(violation('System.State', 'InvalidEmpty', flags));
  } else {
    const def = ctx.type.states.find((s) => s.name.toLowerCase() === state.toLowerCase());
    if (!def) {
      violations.push(violation('System.State', 'InvalidListValue', flags));
      return;
    }
    out['System.State'] = def.name;
    if (def.name !== oldState && !ctx.bypassRules) {
      const allowedNext = ctx.type.transitions[oldState] ?? [];
      if (!allowedNext.includes(def.name)) {
        violations.push(violation('System.State', 'InvalidListValue', flags));
        return;
      }
    }
  }
  const newState = String(out['System.State']);
  const reasonGiven = out['System.Reason'] !== before['System.Reason'] && out['System.Reason'];
  if (isCreate) {
    if (!reasonGiven) out['System.Reason'] = ctx.type.createReason;
  } else if (newState !== oldState && !reasonGiven) {
    out['System.Reason'] = defaultReason(ctx.type, oldState, newState);
  }
}

function fillServerFields(
  ctx: RuleContext,
  previous: Record<string, unknown> | null,
  out: Record<string, unknown>,
  patched: Record<string, unknown>,
): void {
  const given = (ref: string) => ctx.bypassRules && ref in patched && out[ref] !== undefined;
  if (!previous) {
    if (!given('System.CreatedDate')) out['System.CreatedDate'] = ctx.now;
    if (!given('System.CreatedBy')) out['System.CreatedBy'] = ctx.userId;
    out['System.CommentCount'] = 0;
  }
  if (!given('System.ChangedDate')) out['System.ChangedDate'] = ctx.now;
  if (!given('System.ChangedBy')) out['System.ChangedBy'] = ctx.userId;
  if (out['System.History'] && out['System.History'] !== previous?.['System.History'])
    out['System.CommentCount'] = Number(previous?.['System.CommentCount'] ?? 0) + 1;

  const oldState = previous?.['System.State'];
  const newState = out['System.State'];
  if (oldState === newState) return;
  out['Microsoft.VSTS.Common.StateChangeDate'] = ctx.now;
  const category = ctx.type.states.find((s) => s.name === newState)?.category;
  const has = (ref: string) => ctx.type.fields.includes(ref);
  const stamp = (date: string, by: string) => {
    if (has(date)) out[date] = ctx.now;
    if (has(by)) out[by] = ctx.userId;
  };
  const clear = (...refs: string[]) => {
    for (const r of refs) delete out[r];
  };
  if (category === 'Proposed') {
    clear(
      'Microsoft.VSTS.Common.ActivatedDate',
      'Microsoft.VSTS.Common.ActivatedBy',
      'Microsoft.VSTS.Common.ResolvedDate',
      'Microsoft.VSTS.Common.ResolvedBy',
      'Microsoft.VSTS.Common.ClosedDate',
      'Microsoft.VSTS.Common.ClosedBy',
    );
  }
  if (category === 'InProgress') {
    stamp('Microsoft.VSTS.Common.ActivatedDate', 'Microsoft.VSTS.Common.ActivatedBy');
    clear(
      'Microsoft.VSTS.Common.ResolvedDate',
      'Microsoft.VSTS.Common.ResolvedBy',
      'Microsoft.VSTS.Common.ClosedDate',
      'Microsoft.VSTS.Common.ClosedBy',
    );
  }
  if (category === 'Resolved') {
    stamp('Microsoft.VSTS.Common.ResolvedDate', 'Microsoft.VSTS.Common.ResolvedBy');
    clear('Microsoft.VSTS.Common.ClosedDate', 'Microsoft.VSTS.Common.ClosedBy');
  }
  if (category === 'Completed')
    stamp('Microsoft.VSTS.Common.ClosedDate', 'Microsoft.VSTS.Common.ClosedBy');
}
