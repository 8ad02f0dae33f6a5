/** The parent a relationship link points at, as a roadmap field. */
import type { RoadmapFieldKey, RoadmapKind } from '../types.ts';

/** The roadmap field that holds a record's parent of the given kind. */
export function parentField(parentKind: RoadmapKind): RoadmapFieldKey | undefined {
  switch (parentKind) {
    case 'release':
      return 'release';
    case 'initiative':
      return 'initiative';
    case 'feature':
      return 'parentFeature';
    case 'requirement':
      return undefined;
  }
}
