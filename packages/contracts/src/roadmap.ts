import { z } from 'zod';

/** Record types Tandem plans with. */
export const recordTypeSchema = z.enum(['release', 'initiative', 'feature', 'requirement']);
export type RecordType = z.infer<typeof recordTypeSchema>;

export const statusCategorySchema = z.enum(['not_started', 'in_progress', 'done', 'wont_do']);
export type StatusCategory = z.infer<typeof statusCategorySchema>;

const id = z.string().min(1).max(64);
const isoDate = z.iso.date('Use a date like 2027-03-31');
const name = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(255, 'Keep the name under 255 characters');
/** HTML from the rich-text editor; the server sanitises it before storing. */
const html = z.string().max(500_000, 'The description is too long');
const version = z.number().int().positive();

export const workflowStatusSchema = z.object({
  id,
  name: z.string(),
  category: statusCategorySchema,
  color: z.string(),
  position: z.number().int(),
});
export type WorkflowStatus = z.infer<typeof workflowStatusSchema>;

export const workflowSchema = z.object({
  id,
  recordType: recordTypeSchema,
  statuses: z.array(workflowStatusSchema),
});
export type Workflow = z.infer<typeof workflowSchema>;
export const workflowListSchema = z.object({ workflows: z.array(workflowSchema) });

// ── custom fields ────────────────────────────────────────────────────────────
export const customFieldTypeSchema = z.enum(['text', 'number', 'date', 'select']);
export const customFieldKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lowercase letters, digits and _ (start with a letter)');

export const customFieldDefinitionSchema = z.object({
  id,
  recordType: recordTypeSchema,
  key: customFieldKeySchema,
  label: z.string(),
  type: customFieldTypeSchema,
  options: z.array(z.string()),
  required: z.boolean(),
  position: z.number().int(),
});
export type CustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;
export const customFieldListSchema = z.object({ fields: z.array(customFieldDefinitionSchema) });

export const createCustomFieldRequestSchema = z
  .object({
    recordType: z.enum(['feature', 'requirement']),
    key: customFieldKeySchema,
    label: z.string().trim().min(1).max(80),
    type: customFieldTypeSchema,
    options: z.array(z.string().trim().min(1).max(80)).max(100).default([]),
    required: z.boolean().default(false),
  })
  .strict();
export const updateCustomFieldRequestSchema = z
  .object({
    label: z.string().trim().min(1).max(80).optional(),
    options: z.array(z.string().trim().min(1).max(80)).max(100).optional(),
    required: z.boolean().optional(),
  })
  .strict();

/** Values keyed by custom field key: text, number, ISO date or one of the options. */
export const customFieldValuesSchema = z.record(
  customFieldKeySchema,
  z.union([z.string().max(10_000), z.number(), z.null()]),
);
export type CustomFieldValues = z.infer<typeof customFieldValuesSchema>;

// ── releases ────────────────────────────────────────────────────────────────
export const releaseSchema = z.object({
  id,
  workspaceId: id,
  referenceNum: z.string(),
  name: z.string(),
  startDate: isoDate.nullable(),
  releaseDate: isoDate.nullable(),
  statusId: id,
  parkingLot: z.boolean(),
  position: z.number(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Release = z.infer<typeof releaseSchema>;
export const releaseListSchema = z.object({ releases: z.array(releaseSchema) });

export const createReleaseRequestSchema = z
  .object({
    name,
    startDate: isoDate.nullable().optional(),
    releaseDate: isoDate.nullable().optional(),
    statusId: id.optional(),
    parkingLot: z.boolean().default(false),
  })
  .strict()
  .refine((r) => !r.startDate || !r.releaseDate || r.startDate <= r.releaseDate, {
    path: ['releaseDate'],
    message: 'The release date must not be before the start date',
  });
export const updateReleaseRequestSchema = z
  .object({
    version,
    name: name.optional(),
    startDate: isoDate.nullable().optional(),
    releaseDate: isoDate.nullable().optional(),
    statusId: id.optional(),
    position: z.number().optional(),
  })
  .strict();

// ── initiatives ─────────────────────────────────────────────────────────────
export const initiativeSchema = z.object({
  id,
  workspaceId: id,
  referenceNum: z.string(),
  name: z.string(),
  descriptionHtml: z.string(),
  statusId: id,
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Initiative = z.infer<typeof initiativeSchema>;
export const initiativeListSchema = z.object({ initiatives: z.array(initiativeSchema) });
/** `all`: also initiatives of the other workspaces the user belongs to (for cross-links). */
export const initiativeListQuerySchema = z.object({
  scope: z.enum(['workspace', 'all']).default('workspace'),
});
export const createInitiativeRequestSchema = z
  .object({ name, descriptionHtml: html.default(''), statusId: id.optional() })
  .strict();
export const updateInitiativeRequestSchema = z
  .object({
    version,
    name: name.optional(),
    descriptionHtml: html.optional(),
    statusId: id.optional(),
  })
  .strict();

// ── features and requirements ───────────────────────────────────────────────
const tags = z.array(z.string().trim().min(1).max(40)).max(30);

export const requirementSchema = z.object({
  id,
  featureId: id,
  workspaceId: id,
  referenceNum: z.string(),
  name: z.string(),
  descriptionHtml: z.string(),
  statusId: id,
  assigneeId: id.nullable(),
  customFields: customFieldValuesSchema,
  rank: z.number(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Requirement = z.infer<typeof requirementSchema>;
export const requirementListSchema = z.object({ requirements: z.array(requirementSchema) });

export const featureSchema = z.object({
  id,
  workspaceId: id,
  referenceNum: z.string(),
  name: z.string(),
  descriptionHtml: z.string(),
  statusId: id,
  releaseId: id,
  initiativeId: id.nullable(),
  assigneeId: id.nullable(),
  tags,
  score: z.number().nullable(),
  customFields: customFieldValuesSchema,
  rank: z.number(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** In lists: how many requirements the feature has, and how many of them are done. */
  requirementCount: z.number().int().optional(),
  requirementsDone: z.number().int().optional(),
});
export type Feature = z.infer<typeof featureSchema>;

/** One feature with what the drawer shows beside it. */
/** Per integration id, what the integration keeps on the record (remote id, formatted id, url…). */
export const integrationFieldsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));
export type IntegrationFields = z.infer<typeof integrationFieldsSchema>;

export const featureDetailSchema = featureSchema.extend({
  requirements: z.array(requirementSchema),
  attachments: z.array(z.lazy(() => attachmentSchema)),
  integrationFields: integrationFieldsSchema.optional(),
});
export type FeatureDetail = z.infer<typeof featureDetailSchema>;

export const featureListQuerySchema = z.object({
  statusId: id.optional(),
  releaseId: id.optional(),
  initiativeId: id.optional(),
  assigneeId: id.optional(),
  tag: z.string().optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type FeatureListQuery = z.infer<typeof featureListQuerySchema>;
export const featureListSchema = z.object({
  items: z.array(featureSchema),
  nextCursor: z.string().nullable(),
});

export const createFeatureRequestSchema = z
  .object({
    name,
    descriptionHtml: html.default(''),
    statusId: id.optional(),
    releaseId: id,
    initiativeId: id.nullable().optional(),
    assigneeId: id.nullable().optional(),
    tags: tags.default([]),
    score: z.number().min(0).max(10_000).nullable().optional(),
    customFields: customFieldValuesSchema.default({}),
  })
  .strict();
export type CreateFeatureRequest = z.input<typeof createFeatureRequestSchema>;

export const updateFeatureRequestSchema = z
  .object({
    version,
    name: name.optional(),
    descriptionHtml: html.optional(),
    statusId: id.optional(),
    releaseId: id.optional(),
    initiativeId: id.nullable().optional(),
    assigneeId: id.nullable().optional(),
    tags: tags.optional(),
    score: z.number().min(0).max(10_000).nullable().optional(),
    customFields: customFieldValuesSchema.optional(),
  })
  .strict();
export type UpdateFeatureRequest = z.input<typeof updateFeatureRequestSchema>;

/** Drag on the board: a new status and/or release, placed between two neighbours. */
export const moveFeatureRequestSchema = z
  .object({
    version,
    statusId: id.optional(),
    releaseId: id.optional(),
    afterId: id.nullable().optional(),
    beforeId: id.nullable().optional(),
  })
  .strict();
export type MoveFeatureRequest = z.input<typeof moveFeatureRequestSchema>;

export const createRequirementRequestSchema = z
  .object({
    name,
    descriptionHtml: html.default(''),
    statusId: id.optional(),
    assigneeId: id.nullable().optional(),
    customFields: customFieldValuesSchema.default({}),
  })
  .strict();
export const updateRequirementRequestSchema = z
  .object({
    version,
    name: name.optional(),
    descriptionHtml: html.optional(),
    statusId: id.optional(),
    assigneeId: id.nullable().optional(),
    customFields: customFieldValuesSchema.optional(),
    rank: z.number().optional(),
  })
  .strict();

// ── attachments ─────────────────────────────────────────────────────────────
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

export const attachmentSchema = z.object({
  id,
  recordType: recordTypeSchema,
  recordId: id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  downloadUrl: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) });

/** A stale write: the client's version is behind; `current` is what the server has now. */
export const conflictDetailsSchema = z.object({ currentVersion: version, current: z.unknown() });
