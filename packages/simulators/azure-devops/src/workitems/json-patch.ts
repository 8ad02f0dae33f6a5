/**
 * JSON Patch as the work item endpoints read it: `/fields/{ref}`, `/relations/-`,
 * `/relations/{i}`, `/relations/{i}/attributes/{name}`, and `test` on `/rev`, `/id` or a field.
 * Pure: takes a draft, returns a new one or throws the AdoError Azure DevOps would answer with.
 */
import { z } from 'zod';
import { AdoError, fieldNotFound, patchOperationFailed, testOperationFailed } from '../errors.ts';
import type { Relation } from '../state/model.ts';

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;

export const PatchOperation = z.object({
  // The client's `Operation` enum travels as a number (Add = 0 … Test = 5); the service reads both.
  op: z.preprocess(
    (v) => (typeof v === 'number' ? OPS[v] : typeof v === 'string' ? v.toLowerCase() : v),
    z.enum(OPS),
  ),
  path: z.string(),
  from: z.string().nullish(),
  value: z.unknown().optional(),
});
export type PatchOperation = z.infer<typeof PatchOperation>;

export const PatchDocument = z.array(PatchOperation);

export interface Draft {
  id: number;
  rev: number;
  fields: Record<string, unknown>;
  relations: Relation[];
}

export interface PatchOptions {
  /** Canonical reference name of a field, or undefined when the organisation has none. */
  resolveField?: (name: string) => string | undefined;
}

const RelationValue = z.object({
  rel: z.string().min(1),
  url: z.string().min(1),
  attributes: z.record(z.string(), z.unknown()).nullish(),
});

type Target =
  | { kind: 'rev' }
  | { kind: 'id' }
  | { kind: 'field'; ref: string }
  | { kind: 'relation'; index: number | '-' }
  | { kind: 'relationAttribute'; index: number; name: string }
  | { kind: 'format' };

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function parsePath(path: string, resolveField: (name: string) => string | undefined): Target {
  const parts = path.split('/').slice(1).map(unescapePointer);
  const head = parts[0]?.toLowerCase();
  if (parts.length === 1 && head === 'rev') return { kind: 'rev' };
  if (parts.length === 1 && head === 'id') return { kind: 'id' };
  if (head === 'fields' && parts.length === 2) {
    const ref = resolveField(parts[1]!);
    if (!ref) throw fieldNotFound(parts[1]!);
    return { kind: 'field', ref };
  }
  if (head === 'multilinefieldsformat' && parts.length === 2) return { kind: 'format' };
  if (head === 'relations' && parts.length === 2) {
    if (parts[1] === '-') return { kind: 'relation', index: '-' };
    const index = Number(parts[1]);
    if (Number.isInteger(index) && index >= 0) return { kind: 'relation', index };
  }
  if (head === 'relations' && parts.length === 4 && parts[2]?.toLowerCase() === 'attributes') {
    const index = Number(parts[1]);
    if (Number.isInteger(index) && index >= 0)
      return { kind: 'relationAttribute', index, name: parts[3]! };
  }
  throw patchOperationFailed(`VS403352: The path ${path} is not valid for a work item patch.`);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function relationFrom(value: unknown, path: string): Relation {
  const parsed = RelationValue.safeParse(value);
  if (!parsed.success)
    throw patchOperationFailed(`VS403353: The value for ${path} must be a link with rel and url.`);
  return { rel: parsed.data.rel, url: parsed.data.url, attributes: { ...parsed.data.attributes } };
}

function relationAt(relations: Relation[], index: number, path: string): Relation {
  const r = relations[index];
  if (!r) throw patchOperationFailed(`VS403354: There is no relation at ${path}.`);
  return r;
}

function applyOne(draft: Draft, op: PatchOperation, resolve: PatchOptions['resolveField']): void {
  const target = parsePath(op.path, resolve ?? ((n) => n));
  if (op.op === 'copy' || op.op === 'move')
    throw patchOperationFailed(`VS403355: The operation ${op.op} is not supported for work items.`);
  if (op.op === 'test') {
    const actual =
      target.kind === 'rev'
        ? draft.rev
        : target.kind === 'id'
          ? draft.id
          : target.kind === 'field'
            ? draft.fields[target.ref]
            : target.kind === 'relation' && target.index !== '-'
              ? draft.relations[target.index]
              : undefined;
    if (!sameValue(actual, op.value)) throw testOperationFailed(op.path, actual, op.value);
    return;
  }
  switch (target.kind) {
    case 'rev':
    case 'id':
      throw patchOperationFailed(`VS403356: Only test is allowed on ${op.path}.`);
    case 'format':
      return;
    case 'field':
      if (op.op === 'remove') delete draft.fields[target.ref];
      else if (op.value === null || op.value === undefined) delete draft.fields[target.ref];
      else draft.fields[target.ref] = op.value;
      return;
    case 'relation': {
      if (op.op === 'add') {
        const r = relationFrom(op.value, op.path);
        if (target.index === '-' || target.index >= draft.relations.length) draft.relations.push(r);
        else draft.relations.splice(target.index, 0, r);
        return;
      }
      if (target.index === '-')
        throw patchOperationFailed(`VS403354: There is no relation at ${op.path}.`);
      relationAt(draft.relations, target.index, op.path);
      if (op.op === 'remove') draft.relations.splice(target.index, 1);
      else draft.relations[target.index] = relationFrom(op.value, op.path);
      return;
    }
    case 'relationAttribute': {
      const r = relationAt(draft.relations, target.index, op.path);
      const attributes = { ...r.attributes };
      if (op.op === 'remove') delete attributes[target.name];
      else attributes[target.name] = op.value;
      draft.relations[target.index] = { ...r, attributes };
      return;
    }
  }
}

/** Apply every operation in order to a copy of `draft`; any failure leaves nothing applied. */
export function applyPatch(draft: Draft, ops: PatchOperation[], options: PatchOptions = {}): Draft {
  const next: Draft = {
    id: draft.id,
    rev: draft.rev,
    fields: { ...draft.fields },
    relations: draft.relations.map((r) => ({ ...r, attributes: { ...r.attributes } })),
  };
  for (const op of ops) applyOne(next, op, options.resolveField);
  return next;
}

export function parsePatchDocument(body: unknown): PatchOperation[] {
  const parsed = PatchDocument.safeParse(body);
  if (!parsed.success) {
    throw new AdoError(
      'VS403357: The request body must be a JSON Patch document: an array of { op, path, value }.',
      {
        status: 400,
        typeKey: 'VssPropertyValidationException',
        namespace: 'Microsoft.VisualStudio.Services.Common',
      },
    );
  }
  return parsed.data;
}
