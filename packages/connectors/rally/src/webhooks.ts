/**
 * Rally webhooks ("pigeon"): one rule per integrated project (the chosen project, plus each
 * child project unless child updates are excluded), each filtered on `Workspace` and `Project`
 * by UUID. Rally signs nothing, so the target URL carries a secret token that `verifyDelivery`
 * checks; it is the registration's `secret`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  ConnectorContext,
  RegisterWebhookInput,
  WebhookDelivery,
  WebhookRegistration,
} from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { rallyError } from './errors.ts';
import { idOfRef } from './refs.ts';
import type { RallyConfig } from './spec.ts';
import { webhookTypeName } from './types.ts';
import { type RallyObject, Wsapi } from './wsapi-client.ts';

type Ctx = ConnectorContext<RallyConfig>;

export const tokenParam = 'tandem_token';
export const defaultWebhookTypes = [
  'HierarchicalRequirement',
  'PortfolioItem/Feature',
  'PortfolioItem/Initiative',
  'Defect',
  'Task',
] as const;

const appName = 'Tandem';

function pigeonUrl(config: RallyConfig, id?: string): string {
  return `${config.accountUrl}/apps/pigeon/api/v2/webhook${id ? `/${encodeURIComponent(id)}` : ''}`;
}

async function pigeon(
  ctx: Ctx,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  operation: string,
  json?: unknown,
): Promise<RallyObject> {
  const api = new Wsapi(ctx);
  const response = await ctx.transport.request({
    method,
    url,
    operation,
    headers: await api.authHeaders(),
    ...(json === undefined ? {} : { json }),
    acceptStatus: (status) => status < 500 && status !== 429 && status !== 408,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const text = response.text();
  let body: RallyObject = {};
  try {
    body = text ? (JSON.parse(text) as RallyObject) : {};
  } catch {
    body = {};
  }
  const errors = Array.isArray(body.Errors) ? (body.Errors as string[]) : [];
  if (response.status >= 300 || errors.length > 0) {
    if (response.status === 404 && method === 'DELETE') return {};
    throw rallyError({
      status: response.status,
      errors: errors.length ? errors : [text.slice(0, 300)].filter(Boolean),
      what: `${operation} ${method} ${new URL(url).pathname}`,
    });
  }
  return body;
}

/** The target URL without our token: how our own rules are recognised. */
function baseTarget(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete(tokenParam);
  return parsed.toString();
}

async function listOwnHooks(ctx: Ctx, targetUrl: string): Promise<RallyObject[]> {
  const own: RallyObject[] = [];
  const wanted = baseTarget(targetUrl);
  for (let start = 1; ; start += 200) {
    const page = await pigeon(
      ctx,
      'GET',
      `${pigeonUrl(ctx.config)}?pagesize=200&start=${start}`,
      'listWebhooks',
    );
    const results = Array.isArray(page.Results) ? (page.Results as RallyObject[]) : [];
    for (const hook of results) {
      if (typeof hook.TargetUrl === 'string' && baseTarget(hook.TargetUrl) === wanted)
        own.push(hook);
    }
    const total = typeof page.TotalResultCount === 'number' ? page.TotalResultCount : 0;
    if (results.length < 200 || start + 200 > total) break;
  }
  return own;
}

interface ProjectInfo {
  id: string;
  uuid: string;
  name: string;
  parentId: string | null;
}

async function integratedProjects(
  ctx: Ctx,
  workspaceId: string,
  projectId: string,
): Promise<ProjectInfo[]> {
  const api = new Wsapi(ctx);
  const all = await api.queryAll(
    '/project',
    {
      workspace: `/workspace/${workspaceId}`,
      query: '(State = "Open")',
      fetch: 'ObjectID,ObjectUUID,Name,Parent',
    },
    'registerWebhook',
  );
  const projects = all.map((p) => ({
    id: String(p.ObjectID),
    uuid: String(p.ObjectUUID),
    name: String(p.Name ?? ''),
    parentId: idOfRef(p.Parent),
  }));
  const root = projects.find((p) => p.id === projectId);
  if (!root)
    throw new RemoteError('not_found', `Rally project ${projectId} is not open in this workspace`);
  if (ctx.config.excludeChildUpdates) return [root];
  const subtree = [root];
  for (let i = 0; i < subtree.length; i += 1) {
    const current = subtree[i];
    subtree.push(...projects.filter((p) => p.parentId === current?.id));
  }
  return subtree;
}

export async function registerWebhook(
  ctx: Ctx,
  input: RegisterWebhookInput,
): Promise<WebhookRegistration> {
  const api = new Wsapi(ctx);
  const workspaceId = input.scope.workspaceId;
  const projectId = input.scope.projectId ?? ctx.config.projectId;
  const workspace = await api.read(
    `/workspace/${workspaceId}`,
    { fetch: 'ObjectUUID' },
    'registerWebhook',
  );
  const projects = await integratedProjects(ctx, workspaceId, projectId);

  // Re-registering replaces our earlier rules for this target instead of adding duplicates.
  for (const hook of await listOwnHooks(ctx, input.targetUrl)) {
    await pigeon(
      ctx,
      'DELETE',
      pigeonUrl(ctx.config, String(hook.ObjectUUID)),
      'unregisterWebhook',
    );
  }

  const secret = randomBytes(24).toString('base64url');
  const target = new URL(input.targetUrl);
  target.searchParams.set(tokenParam, secret);
  const types = [...new Set((input.types ?? defaultWebhookTypes).map(webhookTypeName))];
  const created: string[] = [];
  try {
    for (const project of projects) {
      const hook = await pigeon(ctx, 'POST', pigeonUrl(ctx.config), 'registerWebhook', {
        AppName: appName,
        AppUrl: target.origin,
        Name: `Tandem: ${project.name}`.slice(0, 256),
        TargetUrl: target.toString(),
        ObjectTypes: types,
        Expressions: [
          { AttributeName: 'Workspace', Operator: '=', Value: String(workspace.ObjectUUID) },
          { AttributeName: 'Project', Operator: '=', Value: project.uuid },
        ],
        CreatedBy: 'tandem',
        Disabled: false,
      });
      const id = String(hook.ObjectUUID ?? idOfRef(hook._ref) ?? '');
      if (!id) throw new RemoteError('unknown', 'Rally created a webhook without an id');
      created.push(id);
    }
  } catch (error) {
    for (const id of created) {
      await pigeon(ctx, 'DELETE', pigeonUrl(ctx.config, id), 'unregisterWebhook').catch(() => {});
    }
    throw error;
  }
  return { id: created.join(','), targetUrl: target.toString(), secret };
}

export async function unregisterWebhook(
  ctx: Ctx,
  registration: WebhookRegistration,
): Promise<void> {
  for (const id of registration.id.split(',').filter(Boolean)) {
    await pigeon(ctx, 'DELETE', pigeonUrl(ctx.config, id), 'unregisterWebhook');
  }
}

function equalSecrets(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function verifyDelivery(
  registration: WebhookRegistration,
  delivery: WebhookDelivery,
): boolean {
  let token: string | null;
  try {
    token = new URL(delivery.url, 'http://delivery.invalid').searchParams.get(tokenParam);
  } catch {
    return false;
  }
  if (!token || !equalSecrets(token, registration.secret)) return false;
  // When the body names its rule, it must be one of ours. A body that cannot be read names no
  // rule: the token decides, and `parseDelivery` refuses the body with its own reason.
  // Most bodies name no rule: only those that can are parsed (a body is ~10 KB of state).
  if (!delivery.body.includes('"rule"')) return true;
  let rule: { ObjectUUID?: unknown } | undefined;
  try {
    rule = (JSON.parse(delivery.body) as { rule?: { ObjectUUID?: unknown } } | null)?.rule;
  } catch {
    return true;
  }
  if (rule && typeof rule.ObjectUUID === 'string') {
    return registration.id.split(',').includes(rule.ObjectUUID);
  }
  return true;
}
