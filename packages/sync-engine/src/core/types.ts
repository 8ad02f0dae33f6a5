import { ROADMAP_KINDS, STANDARD_ROADMAP_FIELDS } from '@tandem/contracts';

export { ROADMAP_KINDS, STANDARD_ROADMAP_FIELDS };

/**
 * The plain values the sync core sees. Nothing here knows about HTTP, SQL or a clock: the runner
 * loads these from storage and from a connector, hands them to the core, and performs what the
 * core answers.
 */

export type RoadmapKind = (typeof ROADMAP_KINDS)[number];

/** A field value as both sides exchange it. HTML is a string and passes through untouched. */
export type FieldValue = string | number | boolean | null | readonly string[];

export type StandardRoadmapField = (typeof STANDARD_ROADMAP_FIELDS)[number];
export type CustomRoadmapField = `custom:${string}`;
export type RoadmapFieldKey = StandardRoadmapField | CustomRoadmapField;

/** The fields of a roadmap record, whatever its kind (unused ones are null or empty). */
export interface RoadmapFields {
  readonly name: string;
  /** The rich-text editor's HTML, exactly as stored. */
  readonly descriptionHtml: string;
  readonly statusId: string | null;
  readonly releaseId: string | null;
  readonly initiativeId: string | null;
  /** Set on requirements: the feature they belong to. */
  readonly parentFeatureId: string | null;
  readonly tags: readonly string[];
  readonly score: number | null;
  /** Position in the roadmap's ordering; lower comes first. */
  readonly rank: number;
  readonly startDate: string | null;
  readonly dueDate: string | null;
  readonly custom: Readonly<Record<string, FieldValue>>;
}

/** A snapshot of one roadmap record as the engine sees it at one moment. */
export interface RoadmapRecord {
  readonly kind: RoadmapKind;
  readonly id: string;
  readonly workspaceId: string;
  /** e.g. `PROD-2`, `PROD-R-1`, `PROD-2-1`. */
  readonly referenceNum: string;
  readonly fields: RoadmapFields;
  /** Increases on every local write; used to spot stale work. */
  readonly version: number;
}

/** The values both sides had for the mapped fields when they last agreed. */
export interface SyncSnapshot {
  /** Roadmap values keyed by roadmap field, as read from the record. */
  readonly roadmap: Readonly<Partial<Record<RoadmapFieldKey, FieldValue>>>;
  /** Remote values keyed by remote field name, as the remote returned them. */
  readonly remote: Readonly<Record<string, FieldValue>>;
  readonly roadmapVersion: number;
  readonly remoteVersion: string | null;
  /** ISO-8601 instant. */
  readonly syncedAt: string;
}

/**
 * The integration fields of one roadmap record for one integration (the services library's
 * per-record-per-integration key/value store, typed). A record with only `pendingCreateToken`
 * set has a create in flight and must never be created a second time.
 */
export interface IntegrationLink {
  readonly integrationId: string;
  readonly recordId: string;
  readonly recordKind: RoadmapKind;
  readonly remoteId: string | null;
  /** e.g. `F32`, `US123`. */
  readonly formattedId: string | null;
  /** Human URL of the remote record. */
  readonly url: string | null;
  /** API reference of the remote record (the connector's `RemoteRecord.ref`). */
  readonly ref: string | null;
  /** The remote type the record was created as, e.g. `PortfolioItem/Feature`. */
  readonly remoteType: string | null;
  readonly lastSyncedSnapshot: SyncSnapshot | null;
  readonly pendingCreateToken: string | null;
}

/** A remote record as a connector read it. */
export interface RemoteRecordSnapshot {
  readonly id: string;
  readonly formattedId: string | null;
  readonly type: string;
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Remote revision or last-updated stamp, when the remote has one. */
  readonly version: string | null;
}

/** Where a remote record lives once created: what the link stores. */
export interface RemoteRef {
  readonly remoteId: string;
  readonly formattedId: string | null;
  readonly url: string | null;
  readonly ref: string | null;
  readonly remoteType: string;
}

/** The id of a roadmap record together with its kind. */
export interface RecordRef {
  readonly kind: RoadmapKind;
  readonly id: string;
}

/** The origin stamped on every change the engine applies on an integration's behalf. */
export type IntegrationOrigin = `integration:${string}`;

export function integrationOrigin(integrationId: string): IntegrationOrigin {
  return `integration:${integrationId}`;
}

export type {
  FieldDirection,
  FieldMapping,
  IntegrationConfig,
  ProjectScope,
  RecordMapping,
  RelationshipLink,
  StatusGroup,
  StatusMapping,
  ValueMapEntry,
} from './config.ts';
