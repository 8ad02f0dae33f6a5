import { z } from 'zod';
import { roleSchema } from './workspaces.ts';

export const emailSchema = z.email({ error: 'Enter a valid email address' }).max(254).toLowerCase();

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionWorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  key: z.string(),
  role: roleSchema,
});
export type SessionWorkspace = z.infer<typeof sessionWorkspaceSchema>;

/** What the SPA needs to render the shell: who is signed in, where, and the CSRF token. */
export const sessionSchema = z.object({
  user: sessionUserSchema,
  workspaces: z.array(sessionWorkspaceSchema),
  csrfToken: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const CSRF_HEADER = 'x-csrf-token';
