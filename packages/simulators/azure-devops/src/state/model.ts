/** The records the simulator keeps: what one Azure DevOps organisation holds. */

export interface Identity {
  id: string;
  displayName: string;
  uniqueName: string;
  descriptor: string;
}

export interface Project {
  id: string;
  name: string;
  description: string;
  processId: string;
  visibility: 'private' | 'public';
  revision: number;
  lastUpdateTime: string;
  defaultTeamId: string;
}

export interface Team {
  id: string;
  name: string;
  description: string;
  projectId: string;
}

export type StructureType = 'area' | 'iteration';

export interface ClassificationNode {
  id: number;
  identifier: string;
  name: string;
  structureType: StructureType;
  children: ClassificationNode[];
  attributes?: { startDate: string; finishDate: string };
}

export interface Relation {
  rel: string;
  url: string;
  attributes: Record<string, unknown>;
}

/** One saved state of a work item. Identity fields hold the identity's id. */
export interface Revision {
  rev: number;
  fields: Record<string, unknown>;
  relations: Relation[];
  changedBy: string;
  changedDate: string;
  /** Organisation-wide change counter (System.Watermark). */
  watermark: number;
}

export interface WorkItemRecord {
  id: number;
  projectId: string;
  revisions: Revision[];
  deleted: { by: string; date: string } | null;
}

export interface Attachment {
  id: string;
  fileName: string;
  /** base64 */
  content: string;
  size: number;
  createdDate: string;
  createdBy: string;
}

export const current = (w: WorkItemRecord): Revision => w.revisions[w.revisions.length - 1]!;
