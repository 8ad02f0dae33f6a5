import { type ConflictField, type RecordType, ROADMAP_FIELD_LABELS } from '@tandem/contracts';
import type { Database } from '@tandem/storage';
import {
  type FieldValue,
  type RoadmapFieldChanges,
  type RoadmapFieldKey,
  readRoadmapField,
} from '@tandem/sync-engine';
import { toRoadmapRecord } from '@tandem/sync-engine/runner';
import type { Kysely } from 'kysely';

const EMPTY = '(empty)';

/** Rich text as one line of plain text, short enough to compare at a glance. */
function plainText(html: string): string {
  const text = html
    .replace(/<(br|\/p|\/li|\/h\d)[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

async function loadRecord(db: Kysely<Database>, recordType: RecordType, recordId: string) {
  switch (recordType) {
    case 'feature': {
      const row = await db
        .selectFrom('features')
        .selectAll()
        .where('id', '=', recordId)
        .executeTakeFirst();
      return row && toRoadmapRecord.feature(row);
    }
    case 'requirement': {
      const row = await db
        .selectFrom('requirements')
        .selectAll()
        .where('id', '=', recordId)
        .executeTakeFirst();
      return row && toRoadmapRecord.requirement(row);
    }
    case 'release': {
      const row = await db
        .selectFrom('releases')
        .selectAll()
        .where('id', '=', recordId)
        .executeTakeFirst();
      return row && toRoadmapRecord.release(row);
    }
    case 'initiative': {
      const row = await db
        .selectFrom('initiatives')
        .selectAll()
        .where('id', '=', recordId)
        .executeTakeFirst();
      return row && toRoadmapRecord.initiative(row);
    }
  }
}

async function display(
  db: Kysely<Database>,
  field: RoadmapFieldKey,
  value: FieldValue | undefined,
): Promise<string> {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : EMPTY;
  const id = String(value);
  switch (field) {
    case 'description':
      return plainText(id) || EMPTY;
    case 'status': {
      const row = await db
        .selectFrom('workflow_statuses')
        .select('name')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.name ?? id;
    }
    case 'release': {
      const row = await db
        .selectFrom('releases')
        .select('name')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.name ?? id;
    }
    case 'initiative': {
      const row = await db
        .selectFrom('initiatives')
        .select('name')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.name ?? id;
    }
    case 'parentFeature': {
      const row = await db
        .selectFrom('features')
        .select('reference_num')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.reference_num ?? id;
    }
    default:
      return id;
  }
}

/**
 * The fields of a record in conflict with both values as people read them: status and release
 * names instead of ids, rich text as plain text.
 */
export async function describeConflict(
  db: Kysely<Database>,
  workspaceId: string,
  recordType: RecordType,
  recordId: string,
  state: { fields?: readonly RoadmapFieldKey[]; theirs?: RoadmapFieldChanges },
): Promise<ConflictField[]> {
  const record = await loadRecord(db, recordType, recordId);
  if (!record || record.workspaceId !== workspaceId) return [];
  const customLabels = new Map(
    (
      await db
        .selectFrom('custom_field_definitions')
        .select(['key', 'label'])
        .where('workspace_id', '=', workspaceId)
        .where('record_type', '=', recordType)
        .execute()
    ).map((d) => [`custom:${d.key}`, d.label]),
  );
  const out: ConflictField[] = [];
  for (const field of state.fields ?? []) {
    out.push({
      field,
      label: ROADMAP_FIELD_LABELS[field] ?? customLabels.get(field) ?? field,
      ours: await display(db, field, readRoadmapField(record, field)),
      theirs: await display(db, field, state.theirs?.[field]),
    });
  }
  return out;
}
