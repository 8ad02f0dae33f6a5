/** Who is connected, and the workspaces and project tree they can see (the wizard's steps). */
import type { ProjectNode, WhoAmI, Workspace } from '@tandem/connector-kit';
import { idOfRef } from './refs.ts';
import type { Wsapi } from './wsapi-client.ts';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function whoAmI(api: Wsapi): Promise<WhoAmI> {
  const user = await api.read(
    '/user',
    { fetch: 'ObjectID,ObjectUUID,UserName,DisplayName,EmailAddress,FirstName,LastName' },
    'checkConnection',
  );
  const name = str(user.DisplayName) || `${str(user.FirstName)} ${str(user.LastName)}`.trim();
  const email = str(user.EmailAddress) || str(user.UserName);
  return {
    // The UUID, because webhook deliveries name their author by UUID (echo detection).
    userId: str(user.ObjectUUID) || String(user.ObjectID),
    displayName: name || str(user.UserName),
    ...(email ? { email } : {}),
  };
}

export async function listWorkspaces(api: Wsapi): Promise<Workspace[]> {
  const subscription = await api.read(
    '/subscription',
    { fetch: 'ObjectID,Workspaces' },
    'listWorkspaces',
  );
  const workspaces = await api.queryAll(
    `/Subscription/${subscription.ObjectID}/Workspaces`,
    { fetch: 'ObjectID,Name,State', order: 'Name' },
    'listWorkspaces',
  );
  return workspaces
    .filter((w) => w.State === undefined || w.State === 'Open')
    .map((w) => ({ id: String(w.ObjectID), name: str(w.Name) }));
}

export async function listProjects(api: Wsapi, workspaceId: string): Promise<ProjectNode[]> {
  const projects = await api.queryAll(
    '/project',
    {
      workspace: `/workspace/${workspaceId}`,
      query: '(State = "Open")',
      fetch: 'ObjectID,Name,Parent,State',
      order: 'Name',
    },
    'listProjects',
  );
  const nodes = new Map<string, ProjectNode>();
  for (const p of projects) {
    const id = String(p.ObjectID);
    nodes.set(id, { id, name: str(p.Name), parentId: idOfRef(p.Parent), children: [] });
  }
  const roots: ProjectNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push({ ...node, parentId: null, children: node.children });
  }
  return roots;
}
