/** Reading roadmap fields by key and comparing field values. */
import type { FieldValue, RoadmapFieldKey, RoadmapRecord } from './types.ts';

/** Changes to a roadmap record, keyed by roadmap field. */
export type RoadmapFieldChanges = Partial<Record<RoadmapFieldKey, FieldValue>>;

/** The current value of one roadmap field of a record. */
export function readRoadmapField(record: RoadmapRecord, key: RoadmapFieldKey): FieldValue {
  const f = record.fields;
  switch (key) {
    case 'name':
      return f.name;
    case 'description':
      return f.descriptionHtml;
    case 'status':
      return f.statusId;
    case 'release':
      return f.releaseId;
    case 'initiative':
      return f.initiativeId;
    case 'parentFeature':
      return f.parentFeatureId;
    case 'tags':
      return f.tags;
    case 'score':
      return f.score;
    case 'rank':
      return f.rank;
    case 'startDate':
      return f.startDate;
    case 'dueDate':
      return f.dueDate;
    default:
      return f.custom[key.slice('custom:'.length)] ?? null;
  }
}

/** Null, the empty string and the empty list all mean "no value" on both sides. */
export function isEmptyValue(value: FieldValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Value equality across the wire: empties are equal, lists compare element by element. */
export function valuesEqual(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}

/** Keys present in both lists, in the order of the first. */
export function intersect<T>(a: readonly T[], b: readonly T[]): T[] {
  const other = new Set(b);
  return a.filter((item) => other.has(item));
}

/** Keys of both lists without repeats, first-seen order. */
export function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}
