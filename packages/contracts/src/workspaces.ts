import { z } from 'zod';

export const roleSchema = z.enum(['owner', 'contributor', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

/** Roles in order of power; a route that needs `contributor` also admits `owner`. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, contributor: 1, owner: 2 };

export const workspaceKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'Use 2–10 capital letters or digits, starting with a letter');

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  key: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const updateWorkspaceRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(120),
  })
  .strict();
export type UpdateWorkspaceRequest = z.infer<typeof updateWorkspaceRequestSchema>;

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({ members: z.array(memberSchema) });

export const changeRoleRequestSchema = z.object({ role: roleSchema }).strict();
