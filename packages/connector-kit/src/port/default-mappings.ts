/**
 * The record mappings a connector proposes for a new integration (what most teams of that system
 * use). Plain data in the shape of the contracts' `RecordMapping`, without the status matches: the
 * BFF matches the workspace's workflow to the remote's states by name for each `statusField`.
 */
import { z } from 'zod';

const directionSchema = z.enum(['to_remote', 'from_remote', 'both', 'set_once']);
const roadmapKindSchema = z.enum(['release', 'initiative', 'feature', 'requirement']);

export const defaultRecordMappingSchema = z.object({
  roadmapKind: roadmapKindSchema,
  remoteType: z.string().min(1),
  enabled: z.boolean(),
  fields: z.array(
    z.object({
      roadmapField: z.string().min(1),
      remoteField: z.string().min(1),
      direction: directionSchema,
    }),
  ),
  links: z.array(
    z.object({
      parentKind: roadmapKindSchema,
      remoteField: z.string().min(1),
      direction: directionSchema,
    }),
  ),
  /** The remote field holding the workflow state; `null`: statuses are not mapped. */
  statusField: z.string().min(1).nullable(),
  /** Values every create sends for fields the roadmap has no counterpart of. */
  defaults: z.record(z.string(), z.string()),
});
export type DefaultRecordMapping = z.infer<typeof defaultRecordMappingSchema>;
