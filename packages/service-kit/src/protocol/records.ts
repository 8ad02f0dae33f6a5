/**
 * The records an event carries, in the shape of the aha-services payloads
 * (`fixtures/aha-services/*.json`). Objects are loose: a service must ignore keys it does not know,
 * so Tandem can add some without a new protocol version.
 */
import { z } from 'zod';

export const integrationFieldSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().min(1),
  value: z.string(),
  /** The service (or integration) that stored the field. */
  service_name: z.string(),
});

export const attachmentSchema = z.looseObject({
  id: z.string(),
  download_url: z.string(),
  content_type: z.string(),
  file_name: z.string(),
  file_size: z.number().int().nonnegative(),
});

/** Rich text as HTML, with the files embedded in it. */
export const richTextSchema = z.looseObject({
  id: z.string().optional(),
  body: z.string(),
  attachments: z.array(attachmentSchema).default([]),
});

export const namedRefSchema = z.looseObject({ id: z.string(), name: z.string() });

const recordBase = {
  id: z.string().min(1),
  reference_num: z.string(),
  name: z.string(),
  url: z.string().optional(),
  resource: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  workflow_status: namedRefSchema.nullable().optional(),
  integration_fields: z.array(integrationFieldSchema).default([]),
};

export const requirementSchema = z.looseObject({
  ...recordBase,
  description: richTextSchema,
  attachments: z.array(attachmentSchema).default([]),
});

/** The release as a feature carries it: enough to find or create its counterpart. */
export const featureReleaseSchema = z.looseObject({
  id: z.string().min(1),
  reference_num: z.string(),
  name: z.string(),
  release_date: z.string().nullable().optional(),
  integration_fields: z.array(integrationFieldSchema).default([]),
});

export const releaseSchema = z.looseObject({
  ...recordBase,
  release_date: z.string().nullable().optional(),
  start_date: z.string().nullable().optional(),
  released: z.boolean().optional(),
  theme: richTextSchema.optional(),
});

export const featureSchema = z.looseObject({
  ...recordBase,
  description: richTextSchema,
  workflow_kind: namedRefSchema.nullable().optional(),
  release: featureReleaseSchema.nullable().optional(),
  requirements: z.array(requirementSchema).default([]),
  attachments: z.array(attachmentSchema).default([]),
});

export type IntegrationField = z.infer<typeof integrationFieldSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type Release = z.infer<typeof releaseSchema>;
export type Feature = z.infer<typeof featureSchema>;

/** Which records integration fields are stored on (the aha-services API's resource names). */
export const resourceSchema = z.enum(['features', 'releases', 'requirements']);
export type Resource = z.infer<typeof resourceSchema>;
