/**
 * What the public API takes and answers. Records are the contracts' own schemas (the SPA's), so
 * the OpenAPI document and the typed client describe the same values.
 */
import {
  createRequirementRequestSchema,
  featureSchema,
  releaseSchema,
  requirementSchema,
} from '@tandem/contracts';
import { z } from 'zod';

export const tokenScopeSchema = z.enum(['read', 'write']);
export const tokenKindSchema = z.enum(['personal', 'integration']);
export type TokenScope = z.infer<typeof tokenScopeSchema>;
export type TokenKind = z.infer<typeof tokenKindSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  kind: tokenKindSchema,
  scope: tokenScopeSchema,
  integrationId: z.string().nullable(),
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Integration id → key → value, as stored per record and per integration. */
export const integrationFieldsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export const publicFeatureSchema = featureSchema.extend({
  requirements: z.array(requirementSchema),
  integrationFields: integrationFieldsSchema,
});
export const publicReleaseSchema = releaseSchema.extend({
  integrationFields: integrationFieldsSchema,
});
export const publicRequirementSchema = requirementSchema;

export const recordCollectionSchema = z.enum(['features', 'releases', 'requirements']);

export const integrationFieldsWriteSchema = z
  .object({
    /** Key → value; `null` removes the key. */
    fields: z.record(
      z.string().min(1).max(100),
      z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
    ),
  })
  .strict();
export const integrationFieldsAnswerSchema = z.object({
  fields: z.record(z.string(), z.unknown()),
});

export const addRequirementSchema = createRequirementRequestSchema;

export const publicErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const idParam = z.string().min(1).max(100);

/** What the owner fills in to make a token (the secret is in the answer once). */
export const issueTokenRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scope: tokenScopeSchema,
    kind: tokenKindSchema.default('personal'),
    /** For an integration token: the integration whose fields it writes. */
    integrationId: z.string().min(1).nullable().default(null),
  })
  .strict()
  .refine((v) => (v.kind === 'integration') === (v.integrationId !== null), {
    message: 'An integration token names its integration; a personal token names none',
    path: ['integrationId'],
  });
