import { z } from 'zod';
import { recordMappingSchema } from './integration-config.ts';
import {
  connectionSchema,
  integrationSettingsSchema,
  integrationStateSchema,
  integrationSystemSchema,
} from './integrations.ts';

/** Answers of the wizard's discovery steps: what the connected remote user can see. */
export const remoteWorkspaceListSchema = z.object({
  workspaces: z.array(z.object({ id: z.string(), name: z.string() })),
});

export interface RemoteProjectNode {
  id: string;
  name: string;
  parentId: string | null;
  children: RemoteProjectNode[];
}
export const remoteProjectNodeSchema: z.ZodType<RemoteProjectNode> = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  get children() {
    return z.array(remoteProjectNodeSchema);
  },
});
export const remoteProjectTreeSchema = z.object({ projects: z.array(remoteProjectNodeSchema) });

export const remoteRecordTypeListSchema = z.object({
  types: z.array(z.object({ id: z.string(), label: z.string(), parentTypes: z.array(z.string()) })),
});

export const remoteFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean(),
  readOnly: z.boolean(),
  allowedValues: z.array(z.string()).nullable(),
});
export const remoteFieldListSchema = z.object({ fields: z.array(remoteFieldSchema) });

export const remoteStateListSchema = z.object({
  states: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      category: z.string().nullable(),
      order: z.number(),
    }),
  ),
});

/** Sensible defaults for a new integration: record mappings with statuses matched by name. */
export const mappingDefaultsSchema = z.object({ recordMappings: z.array(recordMappingSchema) });

export const preflightRequestSchema = z
  .object({ recordMappings: z.array(recordMappingSchema).optional() })
  .strict();
export const preflightIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  roadmapKind: z.string().nullable(),
  remoteType: z.string().nullable(),
  remoteField: z.string().nullable(),
  message: z.string(),
});
export const preflightReportSchema = z.object({
  ok: z.boolean(),
  issues: z.array(preflightIssueSchema),
});
export type PreflightReportView = z.infer<typeof preflightReportSchema>;

/**
 * *Authorize*: where to send the browser; the callback returns to the wizard's authorize step
 * (or to the template's page) with `?connected=1` or `?error=<OAuthCallbackError>`.
 */
export const oauthStartSchema = z.object({ authorizationUrl: z.url() });
export const oauthCallbackErrorSchema = z.enum([
  'denied',
  'state_mismatch',
  'expired',
  'exchange_failed',
]);
export type OAuthCallbackError = z.infer<typeof oauthCallbackErrorSchema>;
/** A template is authorized from one workspace's settings; the answer returns there. */
export const templateOAuthStartRequestSchema = z
  .object({ workspaceId: z.string().min(1) })
  .strict();

export const clientCertificateRequestSchema = z
  .object({
    privateKeyPem: z.string().trim().min(1, 'Paste the private key').max(20_000),
    certificatePem: z.string().trim().min(1, 'Paste the certificate').max(50_000),
  })
  .strict();

// ── templates ───────────────────────────────────────────────────────────────
export const integrationTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  system: integrationSystemSchema,
  settings: integrationSettingsSchema,
  hasCredentials: z.boolean(),
  /** Who the template's credentials connect as, and until when; null when it has none. */
  connection: connectionSchema.nullable(),
  hasClientCertificate: z.boolean(),
  /** How many integrations inherit from it. */
  usedBy: z.number().int(),
  /** As an integration's: credentials dropped with a new account URL. */
  notice: z.string().optional(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IntegrationTemplate = z.infer<typeof integrationTemplateSchema>;
export const integrationTemplateListSchema = z.object({
  templates: z.array(integrationTemplateSchema),
});
export const createIntegrationTemplateRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the template').max(80),
    system: integrationSystemSchema,
    /** Start from an existing integration's settings and credentials. */
    fromIntegrationId: z.string().optional(),
    /**
     * The workspace that owns the template (one the user owns); by default the copied
     * integration's, else the user's first. Other workspaces use it once it is shared with them.
     */
    workspaceId: z.string().min(1).optional(),
  })
  .strict();
/** The workspaces a template is shared with, besides the one that owns it. */
export const templateSharesSchema = z.object({
  workspace: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  sharedWith: z.array(
    z.object({ id: z.string(), key: z.string(), name: z.string(), sharedAt: z.string() }),
  ),
});
export type TemplateShares = z.infer<typeof templateSharesSchema>;
export const updateIntegrationTemplateRequestSchema = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(1).max(80).optional(),
    settings: integrationSettingsSchema.optional(),
  })
  .strict();

// ── manage integrations report ──────────────────────────────────────────────
export const integrationReportRowSchema = z.object({
  id: z.string(),
  workspace: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  system: integrationSystemSchema,
  name: z.string(),
  accountUrl: z.string().nullable(),
  remoteWorkspace: z.string().nullable(),
  remoteProject: z.string().nullable(),
  template: z.object({ id: z.string(), name: z.string() }).nullable(),
  state: integrationStateSchema,
  lastSyncAt: z.string().nullable(),
  linkedRecords: z.number().int(),
  errors: z.number().int(),
});
export type IntegrationReportRow = z.infer<typeof integrationReportRowSchema>;
export const integrationReportSchema = z.object({ rows: z.array(integrationReportRowSchema) });
