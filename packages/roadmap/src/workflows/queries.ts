import type { RecordType, Workflow } from '@tandem/contracts';
import type { WorkflowStatusRow } from '../events/rows.ts';
import type { Reader } from '../store.ts';

const RECORD_TYPE_ORDER: RecordType[] = ['feature', 'requirement', 'release', 'initiative'];

/** Statuses of one workflow in board order. */
export async function listStatuses(
  db: Reader,
  workspaceId: string,
  recordType: RecordType,
): Promise<WorkflowStatusRow[]> {
  return db
    .selectFrom('workflow_statuses')
    .innerJoin('workflows', 'workflows.id', 'workflow_statuses.workflow_id')
    .selectAll('workflow_statuses')
    .where('workflows.workspace_id', '=', workspaceId)
    .where('workflows.record_type', '=', recordType)
    .orderBy('workflow_statuses.position')
    .execute();
}

export async function listWorkflows(db: Reader, workspaceId: string): Promise<Workflow[]> {
  const rows = await db
    .selectFrom('workflow_statuses')
    .innerJoin('workflows', 'workflows.id', 'workflow_statuses.workflow_id')
    .selectAll('workflow_statuses')
    .select('workflows.record_type')
    .where('workflows.workspace_id', '=', workspaceId)
    .orderBy('workflow_statuses.position')
    .execute();
  const byType = new Map<string, Workflow>();
  for (const r of rows) {
    const workflow = byType.get(r.workflow_id) ?? {
      id: r.workflow_id,
      recordType: r.record_type,
      statuses: [],
    };
    workflow.statuses.push({
      id: r.id,
      name: r.name,
      category: r.category,
      color: r.color,
      position: r.position,
    });
    byType.set(r.workflow_id, workflow);
  }
  return [...byType.values()].sort(
    (a, b) => RECORD_TYPE_ORDER.indexOf(a.recordType) - RECORD_TYPE_ORDER.indexOf(b.recordType),
  );
}

/** A status id belongs to the given workspace's workflow for the record type. */
export async function isStatusOf(
  db: Reader,
  workspaceId: string,
  recordType: RecordType,
  statusId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('workflow_statuses')
    .innerJoin('workflows', 'workflows.id', 'workflow_statuses.workflow_id')
    .select('workflow_statuses.id')
    .where('workflow_statuses.id', '=', statusId)
    .where('workflows.workspace_id', '=', workspaceId)
    .where('workflows.record_type', '=', recordType)
    .executeTakeFirst();
  return row !== undefined;
}
