/** Work item types, their states and field instances; the organisation's fields. */
import { Hono } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { fieldNotFound, typeNotFound } from '../errors.ts';
import { CORE_FIELDS, FIELDS, type FieldDef, findField } from '../process/fields.ts';
import { findType, type WorkItemTypeDef } from '../process/processes.ts';
import type { Project } from '../state/model.ts';
import { WORK_ITEM_LINKS } from '../workitems/relations.ts';
import { both, type Ctx, collection, projectParam, requireProject } from './helpers.ts';

export function renderField(def: FieldDef, orgUrl: string) {
  return {
    name: def.name,
    referenceName: def.referenceName,
    description: def.description ?? '',
    type: def.type,
    usage: 'workItem',
    readOnly: def.readOnly ?? false,
    canSortBy: def.type !== 'html' && def.type !== 'plainText',
    isQueryable: true,
    supportedOperations: [],
    isIdentity: def.type === 'identity',
    isPicklist: Boolean(def.allowedValues),
    isPicklistSuggested: false,
    url: `${orgUrl}/_apis/wit/fields/${def.referenceName}`,
  };
}

function fieldInstance(t: WorkItemTypeDef, ref: string, orgUrl: string, withAllowed: boolean) {
  const def = findField(ref)!;
  const allowed = ref === 'System.State' ? t.states.map((s) => s.name) : def.allowedValues;
  return {
    alwaysRequired: ref === 'System.Title' || t.required.includes(ref),
    defaultValue:
      (t.defaults[ref] as string | number | undefined) ??
      (ref === 'System.State' ? t.states[0]!.name : null),
    ...(withAllowed && { allowedValues: allowed ? [...allowed] : [] }),
    dependentFields: [],
    referenceName: ref,
    name: def.name,
    url: `${orgUrl}/_apis/wit/fields/${ref}`,
  };
}

export function renderType(t: WorkItemTypeDef, project: Project, orgUrl: string) {
  const refs = [...CORE_FIELDS, ...t.fields];
  const url = `${orgUrl}/${project.id}/_apis/wit/workItemTypes/${encodeURIComponent(t.name)}`;
  return {
    name: t.name,
    referenceName: t.referenceName,
    description: t.description,
    color: t.color,
    icon: { id: t.icon, url: `${orgUrl}/_apis/wit/workItemIcons/${t.icon}?color=${t.color}&v=2` },
    isDisabled: false,
    xmlForm: '',
    fields: refs.map((ref) => ({
      referenceName: ref,
      name: findField(ref)!.name,
      url: `${orgUrl}/_apis/wit/fields/${ref}`,
    })),
    fieldInstances: refs.map((ref) => fieldInstance(t, ref, orgUrl, false)),
    transitions: Object.fromEntries(
      Object.entries(t.transitions).map(([from, tos]) => [
        from,
        tos.map((to) => ({ to, actions: null })),
      ]),
    ),
    states: t.states.map((s) => ({ ...s })),
    _links: { self: { href: url } },
    url,
  };
}

export function workItemTypeRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  const typeOf = (c: Ctx, project: Project) => {
    const name = c.req.param('type' as never) as string;
    const t = findType(sim.store.processOf(project), name);
    if (!t) throw typeNotFound(name, project.name);
    return t;
  };
  app.get('/:org/:project/_apis/wit/workitemtypes', (c) => {
    const project = requireProject(c, sim);
    return c.json(
      collection(
        sim.store.processOf(project).types.map((t) => renderType(t, project, c.get('orgUrl'))),
      ),
    );
  });
  app.get('/:org/:project/_apis/wit/workitemtypes/:type', (c) => {
    const project = requireProject(c, sim);
    return c.json(renderType(typeOf(c, project), project, c.get('orgUrl')));
  });
  app.get('/:org/:project/_apis/wit/workitemtypes/:type/states', (c) => {
    const project = requireProject(c, sim);
    return c.json(collection(typeOf(c, project).states.map((s) => ({ ...s }))));
  });
  app.get('/:org/:project/_apis/wit/workitemtypes/:type/fields', (c) => {
    const project = requireProject(c, sim);
    const t = typeOf(c, project);
    const withAllowed = /allowedvalues|all|1|3/i.test(c.req.query('$expand') ?? '');
    return c.json(
      collection(
        [...CORE_FIELDS, ...t.fields].map((ref) =>
          fieldInstance(t, ref, c.get('orgUrl'), withAllowed),
        ),
      ),
    );
  });
  app.get('/:org/:project/_apis/wit/workitemtypes/:type/fields/:field', (c) => {
    const project = requireProject(c, sim);
    const t = typeOf(c, project);
    const def = findField(c.req.param('field'));
    if (!def || ![...CORE_FIELDS, ...t.fields].includes(def.referenceName))
      throw fieldNotFound(c.req.param('field'));
    return c.json(fieldInstance(t, def.referenceName, c.get('orgUrl'), true));
  });
  both(app, 'GET', '/wit/fields', (c) => {
    projectParam(c, sim);
    return c.json(collection(FIELDS.map((d) => renderField(d, c.get('orgUrl')))));
  });
  both(app, 'GET', '/wit/fields/:field', (c) => {
    projectParam(c, sim);
    const def = findField(c.req.param('field' as never));
    if (!def) throw fieldNotFound(c.req.param('field' as never));
    return c.json(renderField(def, c.get('orgUrl')));
  });
  app.get('/:org/_apis/wit/workitemrelationtypes', (c) => {
    const orgUrl = c.get('orgUrl');
    const linkTypes = Object.entries(WORK_ITEM_LINKS).map(([ref, l]) => ({
      attributes: {
        usage: 'workItemLink',
        editable: false,
        enabled: true,
        acyclic: ref.includes('Hierarchy'),
        directional: ref !== 'System.LinkTypes.Related',
        singularOppositeEnd: ref === 'System.LinkTypes.Hierarchy-Forward',
        topology: ref.includes('Hierarchy')
          ? 'tree'
          : ref.includes('Dependency')
            ? 'dependency'
            : 'network',
      },
      referenceName: ref,
      name: l.name,
      url: `${orgUrl}/_apis/wit/workItemRelationTypes/${ref}`,
    }));
    const resourceTypes = ['AttachedFile', 'Hyperlink', 'ArtifactLink'].map((ref) => ({
      attributes: { usage: 'resourceLink', editable: false, enabled: true },
      referenceName: ref,
      name:
        ref === 'AttachedFile'
          ? 'Attached File'
          : ref === 'ArtifactLink'
            ? 'Artifact Link'
            : 'Hyperlink',
      url: `${orgUrl}/_apis/wit/workItemRelationTypes/${ref}`,
    }));
    return c.json(collection([...linkTypes, ...resourceTypes]));
  });
  return app;
}
