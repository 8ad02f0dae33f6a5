/** What a mapping could not carry, reported instead of silently dropped. */
import type { FieldValue, RoadmapFieldKey, RoadmapKind } from '../types.ts';

export type MappingIssue =
  /** An enumeration value with no entry in the value map; the field was not written. */
  | {
      readonly code: 'unmapped_value';
      readonly roadmapField: RoadmapFieldKey;
      readonly remoteField: string;
      readonly values: readonly string[];
    }
  /** A status with no mapped remote state (or a state with no roadmap status). */
  | {
      readonly code: 'unmapped_status';
      readonly remoteField: string;
      readonly value: FieldValue;
    }
  /** The parent record has no link yet (outgoing) or the remote parent links to nothing (incoming). */
  | {
      readonly code: 'parent_not_linked';
      readonly parentKind: RoadmapKind;
      readonly remoteField: string;
      readonly value: FieldValue;
    };
