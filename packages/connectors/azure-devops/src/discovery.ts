/**
 * Who is connected and what the token may do; projects (the port's workspaces) and the area
 * tree of one project (the port's project tree, ids = area paths as work item fields spell them).
 */
import type { Capability, ProjectNode, WhoAmI, Workspace } from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { type AdoClient, values } from './client.ts';

interface ConnectionData {
  authenticatedUser?: {
    id?: string;
    providerDisplayName?: string;
    properties?: { Account?: { $value?: string } };
  };
}

/** What a PAT scope probe found: `true` works, `false` refused for the scope. */
async function probe(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (RemoteError.is(error) && (error.kind === 'auth' || error.kind === 'forbidden'))
      return false;
    // Anything else (a 404 for the probe's made-up work item) means the scope let it through.
    if (RemoteError.is(error) && (error.kind === 'not_found' || error.kind === 'validation')) {
      return true;
    }
    throw error;
  }
}

/** The largest work item id: no work item has it, so a write to it changes nothing. */
const NO_SUCH_WORK_ITEM = 2147483647;

export async function whoAmI(api: AdoClient): Promise<WhoAmI> {
  const data = await api.get<ConnectionData>('/_apis/connectionData', 'checkConnection');
  const user = data?.authenticatedUser;
  const email = user?.properties?.Account?.$value;
  if (!user?.id) {
    throw new RemoteError('auth', 'Azure DevOps did not say who this token belongs to', {
      retryable: false,
    });
  }
  const projectRead = await probe(() =>
    api.get('/_apis/projects', 'checkConnection.projects', { $top: 1 }),
  );
  const workItemWrite = await probe(() =>
    api.json('PATCH', `/_apis/wit/workitems/${NO_SUCH_WORK_ITEM}`, 'checkConnection.workItems', {
      json: [{ op: 'test', path: '/rev', value: 0 }],
      contentType: 'application/json-patch+json',
    }),
  );
  const hooksWrite = await probe(() =>
    api.get('/_apis/hooks/subscriptions', 'checkConnection.serviceHooks', {
      consumerId: 'webHooks',
    }),
  );
  const capabilities: Capability[] = [
    {
      id: 'vso.project',
      label: 'Project and team (read)',
      ok: projectRead,
      required: true,
      hint: 'Tandem lists your projects and areas with it.',
    },
    {
      id: 'vso.work_write',
      label: 'Work items (read and write)',
      ok: workItemWrite,
      required: true,
      hint: 'Tandem creates and updates work items with it.',
    },
    {
      id: 'vso.hooks_write',
      label: 'Service hooks (read and write)',
      ok: hooksWrite,
      required: false,
      hint: 'Without it, set up the service hook in Azure DevOps yourself.',
    },
  ];
  return {
    userId: email ?? user.id,
    displayName: user.providerDisplayName ?? email ?? user.id,
    ...(email ? { email } : {}),
    capabilities,
  };
}

interface Project {
  id: string;
  name: string;
  state?: string;
}

export async function listWorkspaces(api: AdoClient): Promise<Workspace[]> {
  const out: Workspace[] = [];
  let continuationToken: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const response = await api.send(
      'GET',
      api.url('/_apis/projects', { $top: 500, continuationToken }),
      'listWorkspaces',
    );
    const projects = values(response.json<{ value?: Project[] }>());
    for (const p of projects) {
      if (!p.state || p.state === 'wellFormed') out.push({ id: p.id.toLowerCase(), name: p.name });
    }
    continuationToken = response.headers['x-ms-continuationtoken'] || undefined;
    if (!continuationToken || projects.length === 0) break;
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

interface ClassificationNode {
  name: string;
  path?: string;
  children?: ClassificationNode[];
}

/** `\Project\Area\Web\Frontend` (node path) → `Project\Web\Frontend` (field value). */
export function fieldPath(nodePath: string, structure: 'Area' | 'Iteration'): string {
  const parts = nodePath.split('\\').filter(Boolean);
  if (parts[1]?.toLowerCase() === structure.toLowerCase()) parts.splice(1, 1);
  return parts.join('\\');
}

function toNodes(
  node: ClassificationNode,
  parentId: string | null,
  structure: 'Area' | 'Iteration',
): ProjectNode {
  const id = parentId === null ? node.name : `${parentId}\\${node.name}`;
  return {
    id,
    name: node.name,
    parentId,
    children: (node.children ?? []).map((child) => toNodes(child, id, structure)),
  };
}

/** The area tree of a project: its root area (the project itself) with every sub-area. */
export async function listAreas(api: AdoClient, projectId: string): Promise<ProjectNode[]> {
  const root = await api.get<ClassificationNode>(
    `/${encodeURIComponent(projectId)}/_apis/wit/classificationnodes/Areas`,
    'listProjects',
    { $depth: 20 },
  );
  return [toNodes(root, null, 'Area')];
}

/** Every iteration path of a project, as field values (`Project\Release 1\Sprint 1`). */
export async function listIterationPaths(api: AdoClient, projectId: string): Promise<string[]> {
  const root = await api.get<ClassificationNode>(
    `/${encodeURIComponent(projectId)}/_apis/wit/classificationnodes/Iterations`,
    'listIterations',
    { $depth: 20 },
  );
  const out: string[] = [];
  const walk = (node: ProjectNode) => {
    out.push(node.id);
    node.children.forEach(walk);
  };
  walk(toNodes(root, null, 'Iteration'));
  return out;
}
