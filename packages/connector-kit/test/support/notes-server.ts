/**
 * "Notes": a tiny remote system over real HTTP, for the conformance harness's own tests. It has
 * what the suites need and nothing more: bearer-token auth, spaces and a folder tree, two record
 * types, versioned notes with client tokens, parents, attachments, HMAC-signed webhooks, a change
 * feed, and a fault that commits a write and then drops the connection. Test-only.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, startHttpServer } from './http-server.ts';

export const GOOD_TOKEN = 'notes-good-token-0123456789';

interface Note {
  id: string;
  number: number;
  type: string;
  space: string;
  /** The folder the note lives in (its scope); the space's first folder when none is given. */
  folder: string;
  fields: Record<string, unknown>;
  version: number;
  updatedAt: string;
  parent: string | null;
  clientToken: string;
}

interface Change {
  seq: number;
  kind: 'created' | 'updated' | 'deleted';
  id: string;
  type: string;
  space: string;
  version: number;
  at: string;
  by: string;
}

interface Hook {
  id: string;
  url: string;
  secret: string;
  space: string;
  types: string[];
}

const spaces = [
  { id: 'sp1', name: 'Product' },
  { id: 'sp2', name: 'Archive' },
];
const folders: Record<string, Array<{ id: string; name: string; parent: string | null }>> = {
  sp1: [
    { id: 'f1', name: 'Roadmap', parent: null },
    { id: 'f2', name: 'Mobile', parent: 'f1' },
    { id: 'f3', name: 'Web', parent: 'f1' },
    { id: 'f4', name: 'Checkout', parent: 'f3' },
    { id: 'f5', name: 'Operations', parent: null },
  ],
  sp2: [{ id: 'f9', name: 'Old', parent: null }],
};
const types = [
  { name: 'note', label: 'Note', parents: [] as string[] },
  { name: 'task', label: 'Task', parents: ['note'] },
];
const priorities = ['low', 'normal', 'high'];
const fieldDefs = [
  { name: 'title', label: 'Title', kind: 'string', required: true, readOnly: false, values: null },
  { name: 'body', label: 'Body', kind: 'html', required: false, readOnly: false, values: null },
  {
    name: 'priority',
    label: 'Priority',
    kind: 'enum',
    required: false,
    readOnly: false,
    values: priorities,
  },
  {
    name: 'state',
    label: 'State',
    kind: 'enum',
    required: false,
    readOnly: false,
    values: ['open', 'doing', 'done'],
  },
  { name: 'author', label: 'Author', kind: 'user', required: false, readOnly: true, values: null },
];

export interface NotesServer {
  url: string;
  close(): Promise<void>;
  dropNextResponseAfterCommit(): void;
  /** Notes that exist, for duplicate checks. */
  notes(): readonly Note[];
}

export async function startNotesServer(): Promise<NotesServer> {
  const notes = new Map<string, Note>();
  const changes: Change[] = [];
  const hooks = new Map<string, Hook>();
  let seq = 0;
  let number = 0;
  let version = 0;
  let dropNext = false;

  const record = (kind: Change['kind'], note: Note) => {
    seq += 1;
    const change: Change = {
      seq,
      kind,
      id: note.id,
      type: note.type,
      space: note.space,
      version: note.version,
      at: new Date().toISOString(),
      by: 'u1',
    };
    changes.push(change);
    for (const hook of hooks.values()) {
      if (hook.space !== note.space || !hook.types.includes(note.type)) continue;
      const body = JSON.stringify({ deliveryId: randomUUID(), events: [change] });
      const signature = createHmac('sha256', hook.secret).update(body).digest('hex');
      void fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-notes-signature': `sha256=${signature}` },
        body,
      }).catch(() => {});
    }
  };

  const validate = (type: string, fields: Record<string, unknown>, creating: boolean) => {
    const errors: Array<{ field: string; message: string }> = [];
    if (!types.some((t) => t.name === type))
      errors.push({ field: 'type', message: `unknown type ${type}` });
    if (creating || 'title' in fields) {
      if (typeof fields.title !== 'string' || fields.title.trim() === '') {
        errors.push({ field: 'title', message: 'title is required' });
      }
    }
    if ('priority' in fields && !priorities.includes(String(fields.priority))) {
      errors.push({
        field: 'priority',
        message: `priority must be one of ${priorities.join(', ')}`,
      });
    }
    if ('author' in fields) errors.push({ field: 'author', message: 'author is read-only' });
    return errors;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://notes.local');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    if (request.headers.authorization !== `Bearer ${GOOD_TOKEN}`) {
      return sendJson(response, 401, { error: 'invalid token' });
    }
    const isJson = String(request.headers['content-type'] ?? '').includes('json');
    const body = text && isJson ? (JSON.parse(text) as Record<string, unknown>) : {};
    const isWrite = method !== 'GET';
    const answer = (status: number, payload?: unknown) => {
      if (isWrite && dropNext) {
        dropNext = false;
        request.socket.destroy();
        return;
      }
      if (payload === undefined) response.writeHead(status).end();
      else sendJson(response, status, payload);
    };

    if (method === 'GET' && path === '/api/me') {
      return answer(200, { id: 'u1', name: 'Pat Notes', email: 'pat@notes.test' });
    }
    if (method === 'GET' && path === '/api/spaces') return answer(200, spaces);
    const folderMatch = path.match(/^\/api\/spaces\/([^/]+)\/folders$/);
    if (folderMatch) {
      const list = folders[folderMatch[1] ?? ''];
      return list ? answer(200, list) : answer(404, { error: 'no such space' });
    }
    if (path.match(/^\/api\/spaces\/[^/]+\/types$/)) return answer(200, types);
    const typeMatch = path.match(/^\/api\/spaces\/[^/]+\/types\/([^/]+)\/(fields|states)$/);
    if (typeMatch) {
      if (!types.some((t) => t.name === typeMatch[1]))
        return answer(404, { error: 'no such type' });
      if (typeMatch[2] === 'fields') return answer(200, fieldDefs);
      return answer(200, [
        { id: 'open', name: 'Open', order: 1 },
        { id: 'doing', name: 'Doing', order: 2 },
        { id: 'done', name: 'Done', order: 3 },
      ]);
    }
    if (method === 'POST' && path === '/api/notes') {
      const type = String(body.type);
      const fields = (body.fields ?? {}) as Record<string, unknown>;
      const errors = validate(type, fields, true);
      const parent = typeof body.parent === 'string' ? body.parent : null;
      if (parent && !notes.has(parent)) errors.push({ field: 'parent', message: 'no such parent' });
      if (errors.length > 0) return answer(422, { errors });
      number += 1;
      version += 1;
      const note: Note = {
        id: randomUUID(),
        number,
        type,
        space: String(body.space),
        folder:
          typeof body.folder === 'string'
            ? body.folder
            : (folders[String(body.space)]?.[0]?.id ?? 'none'),
        fields,
        version,
        updatedAt: new Date().toISOString(),
        parent,
        clientToken: String(body.clientToken ?? ''),
      };
      notes.set(note.id, note);
      record('created', note);
      return answer(201, note);
    }
    if (method === 'GET' && path === '/api/notes') {
      const token = url.searchParams.get('clientToken');
      const space = url.searchParams.get('space');
      const items = [...notes.values()].filter(
        (n) => (token === null || n.clientToken === token) && (space === null || n.space === space),
      );
      return answer(200, { items });
    }
    const noteMatch = path.match(/^\/api\/notes\/([^/]+)(\/parent|\/attachments)?$/);
    if (noteMatch) {
      const note = notes.get(noteMatch[1] ?? '');
      if (!note) return answer(404, { error: 'no such note' });
      const tail = noteMatch[2];
      if (method === 'GET' && !tail) return answer(200, note);
      if (method === 'PATCH' && !tail) {
        const ifMatch = request.headers['if-match'];
        if (ifMatch !== undefined && ifMatch !== `"${note.version}"`) {
          return answer(412, { error: 'version mismatch' });
        }
        const fields = (body.fields ?? {}) as Record<string, unknown>;
        const errors = validate(note.type, fields, false);
        if (errors.length > 0) return answer(422, { errors });
        version += 1;
        Object.assign(note, {
          fields: { ...note.fields, ...fields },
          version,
          updatedAt: new Date().toISOString(),
        });
        record('updated', note);
        return answer(200, note);
      }
      if (method === 'DELETE' && !tail) {
        notes.delete(note.id);
        record('deleted', note);
        return answer(204);
      }
      if (method === 'PUT' && tail === '/parent') {
        const parent = String(body.parent);
        if (!notes.has(parent))
          return answer(422, { errors: [{ field: 'parent', message: 'no such parent' }] });
        version += 1;
        Object.assign(note, { parent, version, updatedAt: new Date().toISOString() });
        record('updated', note);
        return answer(200, note);
      }
      if (method === 'POST' && tail === '/attachments') {
        const name = decodeURIComponent(String(request.headers['x-file-name'] ?? 'file'));
        return answer(201, { id: randomUUID(), name, bytes: Buffer.byteLength(text) });
      }
    }
    if (method === 'POST' && path === '/api/hooks') {
      const hook: Hook = {
        id: randomUUID(),
        url: String(body.url),
        secret: randomUUID(),
        space: String(body.space),
        types: (body.types as string[] | undefined) ?? types.map((t) => t.name),
      };
      hooks.set(hook.id, hook);
      return answer(201, hook);
    }
    const hookMatch = path.match(/^\/api\/hooks\/([^/]+)$/);
    if (hookMatch && method === 'DELETE') {
      return hooks.delete(hookMatch[1] ?? '')
        ? answer(204)
        : answer(404, { error: 'no such hook' });
    }
    if (method === 'GET' && path === '/api/changes') {
      const space = url.searchParams.get('space');
      const wanted = url.searchParams.get('types')?.split(',');
      const after = url.searchParams.get('after');
      if (after === null) return answer(200, { changes: [], last: seq });
      const list = changes.filter(
        (c) => c.seq > Number(after) && c.space === space && (!wanted || wanted.includes(c.type)),
      );
      return answer(200, { changes: list, last: seq });
    }
    return answer(404, { error: `no route ${method} ${path}` });
  }

  const server = await startHttpServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: String(error) });
    });
  });

  return {
    url: server.url,
    close: server.close,
    dropNextResponseAfterCommit: () => {
      dropNext = true;
    },
    notes: () => [...notes.values()],
  };
}
