/**
 * The values that cross the connector boundary, as zod schemas (the conformance suite parses
 * every answer with them) and the types inferred from them.
 */
import { connectorPresentationSchema } from '@tandem/contracts';
import { z } from 'zod';

export const authKinds = ['oauth2', 'api_key', 'pat'] as const;
export const authKindSchema = z.enum(authKinds);
export type AuthKind = z.infer<typeof authKindSchema>;

export const connectorManifestSchema = z.object({
  /** Stable id, also the integration's `system` and the account key's first part: `rally`, `azure_devops`. */
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  displayName: z.string().min(1),
  authKinds: z.array(authKindSchema).min(1),
  /** Names of config fields that hold secrets: never logged, never sent to the SPA. */
  secretFields: z.array(z.string()),
  /** Default concurrent requests per remote account (Rally: 12). */
  maxConcurrentPerAccount: z.number().int().positive(),
  /** The largest file the remote takes as an attachment; larger ones are refused and logged. */
  maxAttachmentBytes: z.number().int().positive().optional(),
  docsUrl: z.url().optional(),
  /** What the SPA shows about the system: its name, mark, wizard steps and their words. */
  presentation: connectorPresentationSchema,
});
export type ConnectorManifest = z.infer<typeof connectorManifestSchema>;
export type ConnectorPresentation = ConnectorManifest['presentation'];

/** What the transport and a connector need to act as one user on one remote account. */
export type Credential =
  | { kind: 'oauth2'; accessToken: string; expiresAt?: string }
  | { kind: 'api_key'; apiKey: string }
  | { kind: 'pat'; token: string };

/**
 * One thing the credentials were tried for (a token scope, say): whether it works and, when
 * `required`, that the integration cannot go on without it.
 */
export const capabilitySchema = z.object({
  id: z.string().min(1),
  /** In the remote's words: "Work items (read and write)". */
  label: z.string().min(1),
  ok: z.boolean(),
  required: z.boolean(),
  /** What to do when it does not work. */
  hint: z.string().optional(),
});
export type Capability = z.infer<typeof capabilitySchema>;

export const whoAmISchema = z.object({
  userId: z.string().min(1),
  displayName: z.string(),
  email: z.string().optional(),
  /** What the credentials may do, when the remote lets a connector find out without writing. */
  capabilities: z.array(capabilitySchema).optional(),
});
export type WhoAmI = z.infer<typeof whoAmISchema>;

export const workspaceSchema = z.object({ id: z.string().min(1), name: z.string() });
export type Workspace = z.infer<typeof workspaceSchema>;

export interface ProjectNode {
  id: string;
  name: string;
  parentId: string | null;
  children: ProjectNode[];
}
export const projectNodeSchema: z.ZodType<ProjectNode> = z.object({
  id: z.string().min(1),
  name: z.string(),
  parentId: z.string().nullable(),
  get children() {
    return z.array(projectNodeSchema);
  },
});

export const recordTypeSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  /** Record types this one may be a child of (e.g. a story under a feature). */
  parentTypes: z.array(z.string()).default([]),
});
export type RecordType = z.infer<typeof recordTypeSchema>;

export const fieldTypes = [
  'string',
  'text',
  'html',
  'number',
  'boolean',
  'date',
  'datetime',
  'enum',
  'reference',
  'user',
  'other',
] as const;

export const fieldDefSchema = z.object({
  name: z.string().min(1),
  label: z.string(),
  type: z.enum(fieldTypes),
  required: z.boolean(),
  readOnly: z.boolean(),
  /** `null` when any value of the type is allowed. */
  allowedValues: z.array(z.string()).nullable(),
});
export type FieldDef = z.infer<typeof fieldDefSchema>;

export const stateCategories = ['todo', 'in_progress', 'done', 'removed'] as const;
export const stateDefSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  category: z.enum(stateCategories).nullable(),
  order: z.number().int(),
});
export type StateDef = z.infer<typeof stateDefSchema>;

/** Where records live: a workspace, and a project inside it when the remote needs one. */
export const recordScopeSchema = z.object({
  workspaceId: z.string().min(1),
  projectId: z.string().min(1).optional(),
});
export type RecordScope = z.infer<typeof recordScopeSchema>;

export const remoteRefSchema = z.object({ type: z.string().min(1), id: z.string().min(1) });
export type RemoteRef = z.infer<typeof remoteRefSchema>;

export const remoteRecordSchema = z.object({
  id: z.string().min(1),
  /** What a human sees: `US123`, `#42`. */
  formattedId: z.string().min(1),
  /** A link a browser can open. */
  url: z.url(),
  type: z.string().min(1),
  fields: z.record(z.string(), z.unknown()),
  /** Opaque; changes on every remote write. */
  version: z.string().min(1),
  updatedAt: z.iso.datetime({ offset: true }),
  parentId: z.string().min(1).optional(),
  /**
   * The container the record lives in (Rally: its project's id; Azure DevOps: its area path), so
   * the engine can tell a record moved out of the integration's scope without knowing the system.
   */
  scopeId: z.string().min(1).optional(),
  /** What another record's reference field takes to point at this one; absent: the id. */
  ref: z.string().min(1).optional(),
});
export type RemoteRecord = z.infer<typeof remoteRecordSchema>;

export const attachmentSchema = z.object({
  id: z.string().min(1),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  url: z.url().optional(),
});
export type RemoteAttachment = z.infer<typeof attachmentSchema>;

export const webhookRegistrationSchema = z.object({
  id: z.string().min(1),
  targetUrl: z.url(),
  /** What `verifyDelivery` checks against (a signing key or a token in the URL); store it. */
  secret: z.string().min(1),
});
export type WebhookRegistration = z.infer<typeof webhookRegistrationSchema>;

export const remoteChangeSchema = z.object({
  kind: z.enum(['created', 'updated', 'deleted']),
  ref: remoteRefSchema,
  /** Record version after the change; `null` for deletions when the remote does not say. */
  version: z.string().nullable(),
  changedAt: z.iso.datetime({ offset: true }),
  /** Remote user id of who changed it, to recognise our own writes (no echo). */
  changedBy: z.string().nullable(),
  /**
   * Remote user id of who created the record, when the remote says (polling, where the last
   * editor is unknown): a record Tandem itself created is never imported as a new one.
   */
  createdBy: z.string().nullable().optional(),
  /**
   * Whether the change moved the record to another container (see `RemoteRecord.scopeId`):
   * absent when the remote does not say, so the record is read to find out.
   */
  scopeChanged: z.boolean().optional(),
  /** Changed field values when the remote sent them; re-read the record when absent. */
  fields: z.record(z.string(), z.unknown()).optional(),
  /**
   * The names of every field the change touched, when the remote says (even those whose values
   * `fields` leaves out): a change touching no mapped field (a roll-up the remote recomputed)
   * needs no read.
   */
  changedFields: z.array(z.string()).optional(),
  /** The values of `fields` before the change, when the remote sent them (conflict detection). */
  previousFields: z.record(z.string(), z.unknown()).optional(),
  /** The remote's delivery / event id, for dedupe. */
  changeId: z.string().min(1),
});
export type RemoteChange = z.infer<typeof remoteChangeSchema>;

export const changePageSchema = z.object({
  changes: z.array(remoteChangeSchema),
  nextCursor: z.string().min(1),
});
export type ChangePage = z.infer<typeof changePageSchema>;

/** An HTTP delivery as the BFF received it: raw body, lower-case header names. */
export interface WebhookDelivery {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
}
