/**
 * The organisation's data and every write to it. Work item saves run patch → rules → links in
 * one step and emit one event per saved revision; service hooks and persistence listen.
 */
import { randomUUID } from 'node:crypto';
import {
  extraParent,
  projectNotFound,
  teamNotFound,
  typeNotFound,
  workItemNotFound,
} from '../errors.ts';
import { findField } from '../process/fields.ts';
import { findType, processById, type WorkItemTypeDef } from '../process/processes.ts';
import { applyPatch, type PatchOperation } from '../workitems/json-patch.ts';
import {
  linkChanges,
  linkedWorkItemId,
  normaliseRelations,
  WORK_ITEM_LINKS,
  workItemUrl,
} from '../workitems/relations.ts';
import { applyRules } from '../workitems/rules.ts';
import {
  type Attachment,
  type ClassificationNode,
  current,
  type Identity,
  type Project,
  type Revision,
  type Team,
  type WorkItemRecord,
} from './model.ts';

export type WorkItemEventKind = 'created' | 'updated' | 'deleted' | 'restored';

export interface WorkItemEvent {
  kind: WorkItemEventKind;
  item: WorkItemRecord;
  revision: Revision;
  previous: Revision | null;
  userId: string;
}

export interface SaveOptions {
  userId: string;
  validateOnly?: boolean;
  bypassRules?: boolean;
}

export interface StoreSnapshot {
  nextWorkItemId: number;
  nextWatermark: number;
  nextNodeId: number;
  projects: Project[];
  teams: Team[];
  trees: Array<{ projectId: string; areas: ClassificationNode; iterations: ClassificationNode }>;
  workItems: WorkItemRecord[];
  attachments: Attachment[];
}

const STAMPS = new Set(['System.ChangedDate', 'System.ChangedBy', 'System.History']);

function sameContent(a: Revision, b: Revision): boolean {
  const content = (r: Revision) =>
    JSON.stringify(
      Object.entries(r.fields)
        .filter(([k]) => !STAMPS.has(k))
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return (
    !b.fields['System.History'] &&
    content(a) === content(b) &&
    JSON.stringify(a.relations) === JSON.stringify(b.relations)
  );
}

export class Store {
  projects = new Map<string, Project>();
  teams = new Map<string, Team>();
  trees = new Map<string, { areas: ClassificationNode; iterations: ClassificationNode }>();
  workItems = new Map<number, WorkItemRecord>();
  attachments = new Map<string, Attachment>();
  users: Identity[] = [];
  nextWorkItemId = 1;
  nextNodeId = 100;
  nextWatermark = 1;
  private listeners: Array<(e: WorkItemEvent) => void> = [];
  readonly now: () => Date;

  constructor(now: () => Date) {
    this.now = now;
  }

  onChange(listener: (e: WorkItemEvent) => void): void {
    this.listeners.push(listener);
  }

  snapshot(): StoreSnapshot {
    return {
      nextWorkItemId: this.nextWorkItemId,
      nextWatermark: this.nextWatermark,
      nextNodeId: this.nextNodeId,
      projects: [...this.projects.values()],
      teams: [...this.teams.values()],
      trees: [...this.trees.entries()].map(([projectId, t]) => ({ projectId, ...t })),
      workItems: [...this.workItems.values()],
      attachments: [...this.attachments.values()],
    };
  }

  load(s: StoreSnapshot): void {
    this.nextWorkItemId = s.nextWorkItemId;
    this.nextWatermark = s.nextWatermark;
    this.nextNodeId = s.nextNodeId;
    this.projects = new Map(s.projects.map((p) => [p.id, p]));
    this.teams = new Map(s.teams.map((t) => [t.id, t]));
    this.trees = new Map(
      s.trees.map((t) => [t.projectId, { areas: t.areas, iterations: t.iterations }]),
    );
    this.workItems = new Map(s.workItems.map((w) => [w.id, w]));
    this.attachments = new Map(s.attachments.map((a) => [a.id, a]));
  }

  // ── lookups ────────────────────────────────────────────────────────────────────────────────

  /** By GUID or name, case-insensitive; 404 TF200016 when missing. */
  project(idOrName: string): Project {
    const key = idOrName.toLowerCase();
    const p =
      this.projects.get(key) ??
      [...this.projects.values()].find((x) => x.name.toLowerCase() === key);
    if (!p) throw projectNotFound(idOrName);
    return p;
  }

  team(project: Project, idOrName: string): Team {
    const key = idOrName.toLowerCase();
    const t = [...this.teams.values()].find(
      (x) => x.projectId === project.id && (x.id === key || x.name.toLowerCase() === key),
    );
    if (!t) throw teamNotFound(idOrName);
    return t;
  }

  tree(project: Project) {
    return this.trees.get(project.id)!;
  }

  processOf(project: Project) {
    return processById(project.processId);
  }

  user(id: string): Identity | undefined {
    return this.users.find((u) => u.id === id);
  }

  /** A live work item (not in the recycle bin), optionally required to be in `project`. */
  workItem(id: number, project?: Project): WorkItemRecord {
    const w = this.workItems.get(id);
    if (!w || w.deleted || (project && w.projectId !== project.id)) throw workItemNotFound(id);
    return w;
  }

  liveWorkItems(): WorkItemRecord[] {
    return [...this.workItems.values()].filter((w) => !w.deleted);
  }

  newNodeId(): number {
    return this.nextNodeId++;
  }

  // ── work item writes ───────────────────────────────────────────────────────────────────────

  createWorkItem(
    project: Project,
    typeName: string,
    ops: PatchOperation[],
    opts: SaveOptions,
  ): { item: WorkItemRecord; revision: Revision } {
    const type = this.requireType(project, typeName);
    const id = opts.validateOnly ? 0 : this.nextWorkItemId;
    const revision = this.buildRevision(project, type, id, null, ops, opts);
    const item: WorkItemRecord = {
      id,
      projectId: project.id,
      revisions: [revision],
      deleted: null,
    };
    if (opts.validateOnly) return { item, revision };
    const reciprocal = this.reciprocalRevisions(id, [], revision.relations);
    this.nextWorkItemId++;
    this.workItems.set(id, item);
    this.emit({ kind: 'created', item, revision, previous: null, userId: opts.userId });
    this.commitReciprocal(reciprocal, opts.userId);
    return { item, revision };
  }

  updateWorkItem(
    id: number,
    ops: PatchOperation[],
    opts: SaveOptions & { project?: Project },
  ): { item: WorkItemRecord; revision: Revision } {
    const item = this.workItem(id, opts.project);
    const project = this.projects.get(item.projectId)!;
    const previous = current(item);
    const type = this.requireType(project, String(previous.fields['System.WorkItemType']));
    const revision = this.buildRevision(project, type, id, previous, ops, opts);
    if (opts.validateOnly) return { item, revision: { ...revision, rev: previous.rev } };
    // A save that changes nothing leaves the work item at its revision (and fires no hook).
    if (sameContent(previous, revision)) return { item, revision: previous };
    const reciprocal = this.reciprocalRevisions(id, previous.relations, revision.relations);
    item.revisions.push(revision);
    this.emit({ kind: 'updated', item, revision, previous, userId: opts.userId });
    this.commitReciprocal(reciprocal, opts.userId);
    return { item, revision };
  }

  deleteWorkItem(id: number, userId: string, project?: Project): WorkItemRecord {
    const item = this.workItem(id, project);
    item.deleted = { by: userId, date: this.now().toISOString() };
    this.emit({ kind: 'deleted', item, revision: current(item), previous: null, userId });
    return item;
  }

  /** Back from the recycle bin with a new revision, as Azure DevOps restores. */
  restoreWorkItem(id: number, userId: string): WorkItemRecord {
    const item = this.workItems.get(id);
    if (!item?.deleted) throw workItemNotFound(id);
    const previous = current(item);
    const now = this.now().toISOString();
    const revision: Revision = {
      rev: previous.rev + 1,
      fields: { ...previous.fields, 'System.ChangedDate': now, 'System.ChangedBy': userId },
      relations: previous.relations,
      changedBy: userId,
      changedDate: now,
      watermark: this.nextWatermark++,
    };
    delete revision.fields['System.History'];
    item.revisions.push(revision);
    item.deleted = null;
    this.emit({ kind: 'restored', item, revision, previous, userId });
    return item;
  }

  destroyWorkItem(id: number): void {
    const item = this.workItems.get(id);
    if (!item?.deleted) throw workItemNotFound(id);
    this.workItems.delete(id);
  }

  addAttachment(fileName: string, content: Buffer, userId: string): Attachment {
    const a: Attachment = {
      id: randomUUID(),
      fileName,
      content: content.toString('base64'),
      size: content.length,
      createdDate: this.now().toISOString(),
      createdBy: userId,
    };
    this.attachments.set(a.id, a);
    return a;
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  private requireType(project: Project, name: string): WorkItemTypeDef {
    const t = findType(this.processOf(project), name);
    if (!t) throw typeNotFound(name, project.name);
    return t;
  }

  private buildRevision(
    project: Project,
    type: WorkItemTypeDef,
    id: number,
    previous: Revision | null,
    ops: PatchOperation[],
    opts: SaveOptions,
  ): Revision {
    const { 'System.History': _history, ...carried } = previous?.fields ?? {};
    const patched = applyPatch(
      { id, rev: previous?.rev ?? 0, fields: carried, relations: previous?.relations ?? [] },
      ops,
      { resolveField: (name) => findField(name)?.referenceName },
    );
    const now = this.now().toISOString();
    const tree = this.tree(project);
    const fields = applyRules(
      {
        id,
        project,
        type,
        areas: tree.areas,
        iterations: tree.iterations,
        users: this.users,
        userId: opts.userId,
        now,
        bypassRules: opts.bypassRules ?? false,
      },
      previous ? carried : null,
      patched.fields,
    );
    const relations = normaliseRelations(patched.relations, {
      selfId: id,
      workItemExists: (other) =>
        Boolean(this.workItems.get(other) && !this.workItems.get(other)?.deleted),
      attachment: (a) => this.attachments.get(a),
      now,
    });
    return {
      rev: (previous?.rev ?? 0) + 1,
      fields,
      relations,
      changedBy: String(fields['System.ChangedBy'] ?? opts.userId),
      changedDate: String(fields['System.ChangedDate'] ?? now),
      // validateOnly saves nothing, so it must not use up a watermark either.
      watermark: opts.validateOnly ? this.nextWatermark : this.nextWatermark++,
    };
  }

  /** New revisions of the other ends of added/removed links; checked before anything commits. */
  private reciprocalRevisions(
    selfId: number,
    before: Revision['relations'],
    after: Revision['relations'],
  ) {
    const { added, removed } = linkChanges(before, after);
    const edits = new Map<number, Revision['relations']>();
    const relationsOf = (otherId: number) =>
      edits.get(otherId) ?? [...current(this.workItem(otherId)).relations];
    const selfUrl = workItemUrl(selfId);
    for (const r of removed) {
      const other = linkedWorkItemId(r.url)!;
      if (!this.workItems.get(other) || this.workItems.get(other)?.deleted) continue;
      const reverse = WORK_ITEM_LINKS[r.rel]!.reverse;
      edits.set(
        other,
        relationsOf(other).filter((x) => !(x.rel === reverse && x.url === selfUrl)),
      );
    }
    for (const r of added) {
      const other = linkedWorkItemId(r.url)!;
      const reverse = WORK_ITEM_LINKS[r.rel]!.reverse;
      const list = relationsOf(other);
      if (list.some((x) => x.rel === reverse && x.url === selfUrl)) continue;
      if (reverse === 'System.LinkTypes.Hierarchy-Reverse' && list.some((x) => x.rel === reverse))
        throw extraParent(other, selfId);
      list.push({
        rel: reverse,
        url: selfUrl,
        attributes: { isLocked: false, name: WORK_ITEM_LINKS[reverse]!.name },
      });
      edits.set(other, list);
    }
    return edits;
  }

  private commitReciprocal(edits: Map<number, Revision['relations']>, userId: string): void {
    const now = this.now().toISOString();
    for (const [otherId, relations] of edits) {
      const other = this.workItem(otherId);
      const previous = current(other);
      const revision: Revision = {
        rev: previous.rev + 1,
        fields: { ...previous.fields, 'System.ChangedDate': now, 'System.ChangedBy': userId },
        relations,
        changedBy: userId,
        changedDate: now,
        watermark: this.nextWatermark++,
      };
      delete revision.fields['System.History'];
      other.revisions.push(revision);
      this.emit({ kind: 'updated', item: other, revision, previous, userId });
    }
  }

  private emit(e: WorkItemEvent): void {
    for (const l of this.listeners) l(e);
  }
}
