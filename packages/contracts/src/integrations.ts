import { z } from 'zod';
import { recordMappingSchema } from './integration-config.ts';

export const integrationSystemSchema = z.enum(['rally', 'azure_devops']);
export type IntegrationSystem = z.infer<typeof integrationSystemSchema>;

export const integrationStateSchema = z.enum([
  'draft',
  'enabled',
  'disabled',
  'needs_reauthorization',
  'failing',
]);
export type IntegrationState = z.infer<typeof integrationStateSchema>;

/** An integration that sends and receives: enabled, including one whose last sync failed. */
export function isActiveIntegration(state: IntegrationState): boolean {
  return state === 'enabled' || state === 'failing';
}

/** The wizard's steps in order; each has its own URL and is saved as the owner goes. */
export const WIZARD_STEPS = [
  'name',
  'account',
  'authorize',
  'workspace',
  'project',
  'mappings',
  'statuses',
  'enable',
] as const;
export const wizardStepSchema = z.enum(WIZARD_STEPS);
export type WizardStep = z.infer<typeof wizardStepSchema>;

export const remoteChoiceSchema = z.object({ id: z.string().min(1), name: z.string() });

/** What the wizard has saved so far; every part is optional until *Enable* checks the whole. */
export const integrationSettingsSchema = z
  .object({
    accountUrl: z.string().max(2048).optional(),
    remoteWorkspace: remoteChoiceSchema.optional(),
    remoteProject: remoteChoiceSchema.optional(),
    excludeChildUpdates: z.boolean().optional(),
    recordMappings: z.array(recordMappingSchema).optional(),
    sendMode: z.enum(['auto', 'approve']).optional(),
    importNewRecords: z.boolean().optional(),
  })
  .strict();
export type IntegrationSettings = z.infer<typeof integrationSettingsSchema>;

export const connectionSchema = z.object({
  kind: z.enum(['oauth2', 'api_key', 'pat']),
  connectedAs: z.string().nullable(),
  /**
   * When an OAuth grant (its refresh token) expires, only when the remote said so; null when
   * unknown. Never the access token's expiry: Tandem renews that one by itself.
   */
  expiresAt: z.string().nullable(),
  /** When the credentials were stored (null for ones stored before this was recorded). */
  connectedAt: z.string().nullable(),
  /** OAuth: until when the current access token works; Tandem refreshes it before then. */
  accessTokenExpiresAt: z.string().nullable(),
  /** The remote refused these credentials or the grant has expired: connect again. */
  needsReauthorization: z.boolean(),
  /** The credentials are the integration's template's, shared with its other integrations. */
  fromTemplate: z.boolean(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const incomingSchema = z.object({
  /** `webhooks`: the remote pushes changes (and Tandem polls now and then for missed ones);
   *  `polling`: webhooks could not be registered, so Tandem asks every `pollEverySeconds`. */
  mode: z.enum(['webhooks', 'polling']),
  pollEverySeconds: z.number().int().positive(),
  /** When Tandem last asked the remote what changed; null before the first poll. */
  polledAt: z.string().nullable(),
});
export type Incoming = z.infer<typeof incomingSchema>;

/** What "Check for changes now" found. */
export const pollResultSchema = z.object({
  outcome: z.enum(['started', 'polled']),
  changes: z.number().int().nonnegative(),
  outcomes: z.record(z.string(), z.number().int().nonnegative()),
  polledAt: z.string(),
});
export type PollResult = z.infer<typeof pollResultSchema>;

export const integrationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  system: integrationSystemSchema,
  name: z.string(),
  templateId: z.string().nullable(),
  state: integrationStateSchema,
  wizardStep: wizardStepSchema,
  settings: integrationSettingsSchema,
  connection: connectionSchema.nullable(),
  hasClientCertificate: z.boolean(),
  /** Once anything was sent or received, the account URL can no longer change. */
  accountLocked: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** How changes made in the remote reach Tandem while the integration is enabled. */
  incoming: incomingSchema,
  /**
   * What a change did besides what was asked, for the wizard to show: a new account URL drops
   * the credentials stored for the previous one (they are bound to the URL they were granted for).
   */
  notice: z.string().optional(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Integration = z.infer<typeof integrationSchema>;
export const integrationListSchema = z.object({ integrations: z.array(integrationSchema) });

export const createIntegrationRequestSchema = z
  .object({
    system: integrationSystemSchema,
    name: z.string().trim().min(1, 'Name the integration').max(80),
    templateId: z.string().min(1).nullable().optional(),
  })
  .strict();

export const updateIntegrationRequestSchema = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(1, 'Name the integration').max(80).optional(),
    wizardStep: wizardStepSchema.optional(),
    settings: integrationSettingsSchema.optional(),
  })
  .strict();

export const setApiKeyRequestSchema = z
  .object({ apiKey: z.string().trim().min(8, 'That API key is too short').max(512) })
  .strict();

export const sendRequestSchema = z
  .object({
    featureIds: z.array(z.string().min(1)).max(5000).optional(),
    releaseIds: z.array(z.string().min(1)).max(100).optional(),
    /** Plan only: nothing is sent. */
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((r) => (r.featureIds?.length ?? 0) + (r.releaseIds?.length ?? 0) > 0, {
    message: 'Choose at least one feature or release to send',
  });

export const sendSummarySchema = z.object({
  batchId: z.string().nullable(),
  creates: z.number().int(),
  updates: z.number().int(),
  links: z.number().int(),
  skipped: z.number().int(),
  blocked: z.boolean(),
  warnings: z.array(
    z.object({
      referenceNum: z.string(),
      severity: z.enum(['error', 'warning']),
      message: z.string(),
    }),
  ),
  summary: z.string(),
  /** One row per record the plan names: what happens to it, or why it is skipped. */
  rows: z
    .array(
      z.object({
        recordType: z.enum(['release', 'initiative', 'feature', 'requirement']),
        recordId: z.string(),
        referenceNum: z.string().nullable(),
        name: z.string().nullable(),
        action: z.enum(['create', 'update', 'link', 'skip']),
        /** The action or the reason in words, e.g. "Create under APP-1" or "Already up to date". */
        detail: z.string(),
      }),
    )
    .default([]),
  /** Mapped fields that do not travel from the roadmap, e.g. Status mapped from the remote only. */
  oneWay: z
    .array(z.object({ recordType: z.string(), field: z.string(), message: z.string() }))
    .default([]),
});
export type SendSummary = z.infer<typeof sendSummarySchema>;

export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
export const integrationLogEntrySchema = z.object({
  id: z.number().int(),
  integrationId: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  level: logLevelSchema,
  event: z.string(),
  message: z.string(),
  data: z.unknown(),
  createdAt: z.string(),
  /** The record the entry is about, as people know it; null when none or no longer there. */
  record: z
    .object({
      referenceNum: z.string(),
      name: z.string(),
      /** A requirement's feature (APP-9 for APP-9-1), whose drawer shows the requirement. */
      featureReferenceNum: z.string().nullable(),
    })
    .nullable(),
});
export type IntegrationLogEntry = z.infer<typeof integrationLogEntrySchema>;

export const integrationLogQuerySchema = z.object({
  recordType: z.string().optional(),
  recordId: z.string().optional(),
  level: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(logLevelSchema))
    .optional(),
  event: z.string().optional(),
  q: z.string().max(200).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const integrationLogPageSchema = z.object({
  entries: z.array(integrationLogEntrySchema),
  nextBefore: z.number().int().nullable(),
});

/** The events an integration has logged (`http`, `webhook`, …), for the log's event filter. */
export const integrationLogEventsSchema = z.object({ events: z.array(z.string()) });

/** One record's link to one integration, as the drawer shows it. */
/** One field changed on both sides since the last sync, as the drawer shows it (plain text). */
export const conflictFieldSchema = z.object({
  /** The roadmap field key: `name`, `status`, `custom:risk`, … */
  field: z.string(),
  label: z.string(),
  ours: z.string(),
  theirs: z.string(),
});
export type ConflictField = z.infer<typeof conflictFieldSchema>;

export const recordLinkSchema = z.object({
  integrationId: z.string(),
  integrationName: z.string(),
  system: integrationSystemSchema,
  state: z.string(),
  formattedId: z.string().nullable(),
  url: z.string().nullable(),
  lastError: z.string().nullable(),
  lastLogId: z.number().int().nullable(),
  /** In the `conflict` state: the fields both sides changed, to keep one side of. */
  conflict: z.array(conflictFieldSchema).optional(),
  /** In the `awaiting_approval` state (*Approve outgoing changes*): the roadmap fields to send. */
  approval: z.array(z.string()).optional(),
});
export type RecordLink = z.infer<typeof recordLinkSchema>;

/**
 * How each record of one kind stands with the workspace's integrations, for the board: one
 * answer per board load. Records no integration knows are absent (not sent yet).
 */
export const recordSyncOverviewSchema = z.object({
  recordId: z.string(),
  integrationId: z.string(),
  integrationName: z.string(),
  state: z.string(),
  formattedId: z.string().nullable(),
  url: z.string().nullable(),
  /** A change waiting for the pause after text edits: not sent before this instant. */
  dueAt: z.string().nullable(),
  /** Why a link broke: `deleted_remotely` or `moved_out_of_scope`. */
  brokenReason: z.string().nullable(),
  error: z.string().nullable(),
});
export type RecordSyncOverviewView = z.infer<typeof recordSyncOverviewSchema>;
export const recordSyncOverviewListSchema = z.object({
  links: z.array(recordSyncOverviewSchema),
});

/** Resolving a conflict: keep the roadmap's values (send them) or take the remote's (apply them). */
export const resolveConflictRequestSchema = z.object({ keep: z.enum(['roadmap', 'remote']) });
export type ResolveConflictRequest = z.infer<typeof resolveConflictRequestSchema>;

/** Deciding on a record's outgoing changes waiting for approval: send them, or discard them. */
export const decideOutgoingRequestSchema = z.object({ decision: z.enum(['approve', 'reject']) });
export type DecideOutgoingRequest = z.infer<typeof decideOutgoingRequestSchema>;

/** A new remote record waiting for someone to import or dismiss it (automatic import is off). */
export const importCandidateSchema = z.object({
  remoteId: z.string(),
  remoteType: z.string(),
  formattedId: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  /** What it would become in the roadmap. */
  recordKind: z.enum(['feature', 'requirement']),
  /** The linked roadmap record it would go under (`APP-12`, `release Q3`), when known. */
  parentLabel: z.string().nullable(),
  firstSeenAt: z.string(),
});
export type ImportCandidateView = z.infer<typeof importCandidateSchema>;
export const importCandidateListSchema = z.object({
  candidates: z.array(importCandidateSchema),
});

/** What importing a candidate made. */
export const importedCandidateSchema = z.object({
  recordKind: z.enum(['feature', 'requirement']),
  recordId: z.string(),
  referenceNum: z.string(),
});
export type ImportedCandidate = z.infer<typeof importedCandidateSchema>;
