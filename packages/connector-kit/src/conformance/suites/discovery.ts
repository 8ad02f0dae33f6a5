import { expect } from 'vitest';
import { defaultRecordMappingSchema } from '../../port/default-mappings.ts';
import {
  fieldDefSchema,
  type ProjectNode,
  projectNodeSchema,
  recordTypeSchema,
  stateDefSchema,
  workspaceSchema,
} from '../../port/model.ts';
import type { ConformanceCase } from '../types.ts';

function* walk(nodes: readonly ProjectNode[]): Generator<ProjectNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

function expectUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    expect(seen.has(value), `${what} "${value}" appears twice`).toBe(false);
    seen.add(value);
  }
}

export const discoverySuite: ConformanceCase[] = [
  {
    name: 'defaultRecordMappings: one per roadmap kind, each naming a record type the remote has',
    async run({ connector, ctx, fixture }) {
      const defaults = connector
        .defaultRecordMappings()
        .map((m) => defaultRecordMappingSchema.parse(m));
      expect(defaults.length).toBeGreaterThan(0);
      expectUnique(
        defaults.map((m) => m.roadmapKind),
        'roadmap kind',
      );
      const types = (await connector.listRecordTypes(ctx, fixture.scope)).map((t) => t.id);
      for (const mapping of defaults.filter((m) => m.enabled))
        expect(types).toContain(mapping.remoteType);
    },
  },
  {
    name: 'listWorkspaces includes the fixture workspace',
    async run({ connector, ctx, fixture }) {
      const workspaces = (await connector.listWorkspaces(ctx)).map((w) => workspaceSchema.parse(w));
      expectUnique(
        workspaces.map((w) => w.id),
        'workspace id',
      );
      expect(workspaces.map((w) => w.id)).toContain(fixture.scope.workspaceId);
    },
  },
  {
    name: 'listProjects returns a consistent tree (roots have no parent, children point up)',
    async run({ connector, ctx, fixture }) {
      const roots = await connector.listProjects(ctx, fixture.scope.workspaceId);
      expect(roots.length).toBeGreaterThan(0);
      for (const root of roots) {
        projectNodeSchema.parse(root);
        expect(root.parentId, `root project ${root.id} has a parentId`).toBeNull();
      }
      for (const node of walk(roots)) {
        for (const child of node.children) {
          expect(child.parentId, `child ${child.id} of ${node.id}`).toBe(node.id);
        }
      }
      const ids = [...walk(roots)].map((node) => node.id);
      expectUnique(ids, 'project id');
      if (fixture.scope.projectId) expect(ids).toContain(fixture.scope.projectId);
    },
  },
  {
    name: 'listRecordTypes includes every type the fixture uses',
    async run({ connector, ctx, fixture }) {
      const types = (await connector.listRecordTypes(ctx, fixture.scope)).map((t) =>
        recordTypeSchema.parse(t),
      );
      expectUnique(
        types.map((t) => t.id),
        'record type',
      );
      const ids = types.map((t) => t.id);
      for (const type of [fixture.recordType, fixture.parentType, fixture.childType]) {
        if (type) expect(ids).toContain(type);
      }
    },
  },
  {
    name: 'listFields describes every field a create sets, with allowed values for enums',
    async run({ connector, ctx, fixture, unique }) {
      const fields = (await connector.listFields(ctx, fixture.scope, fixture.recordType)).map((f) =>
        fieldDefSchema.parse(f),
      );
      expectUnique(
        fields.map((f) => f.name),
        'field name',
      );
      const names = fields.map((f) => f.name);
      for (const name of Object.keys(fixture.newFields(unique()))) expect(names).toContain(name);
      for (const field of fields.filter((f) => f.type === 'enum')) {
        expect(field.allowedValues, `enum field ${field.name} has no allowedValues`).not.toBeNull();
      }
      expect(names).toContain(fixture.titleField);
    },
  },
  {
    name: 'listStates returns the workflow states of the record type',
    async run({ connector, ctx, fixture }) {
      const states = (await connector.listStates(ctx, fixture.scope, fixture.recordType)).map((s) =>
        stateDefSchema.parse(s),
      );
      expect(states.length).toBeGreaterThan(0);
      expectUnique(
        states.map((s) => s.id),
        'state id',
      );
    },
  },
];
