/**
 * Deliberately broken variants of the notes connector, one flaw each, and the conformance case
 * that must catch it. If a flaw slips through, the suite is too weak.
 */
import type { SuiteName } from '../../src/conformance/index.ts';
import type { Connector } from '../../src/index.ts';
import { type NotesConfig, notesConnector } from './notes-connector.ts';

export interface Flaw {
  name: string;
  connector: Connector<NotesConfig>;
  suite: SuiteName;
  /** A substring of the name of the case that must fail. */
  caughtBy: string;
}

const good = notesConnector;

export const flaws: Flaw[] = [
  {
    name: 'returns projects flat instead of as a tree',
    suite: 'discovery',
    caughtBy: 'consistent tree',
    connector: {
      ...good,
      async listProjects(ctx, workspaceId) {
        const flatten = (nodes: Awaited<ReturnType<typeof good.listProjects>>): typeof nodes =>
          nodes.flatMap((node) => [{ ...node, children: [] }, ...flatten(node.children)]);
        return flatten(await good.listProjects(ctx, workspaceId));
      },
    },
  },
  {
    name: 'omits enum allowed values',
    suite: 'discovery',
    caughtBy: 'allowed values',
    connector: {
      ...good,
      async listFields(ctx, scope, type) {
        return (await good.listFields(ctx, scope, type)).map((f) => ({
          ...f,
          allowedValues: null,
        }));
      },
    },
  },
  {
    name: 'reports a revoked token as an unknown error',
    suite: 'connection',
    caughtBy: 'revoked credentials',
    connector: {
      ...good,
      async checkConnection(ctx) {
        try {
          return await good.checkConnection(ctx);
        } catch {
          throw new Error('something went wrong');
        }
      },
    },
  },
  {
    name: 'ignores expectedVersion on update',
    suite: 'records',
    caughtBy: 'stale expectedVersion',
    connector: {
      ...good,
      updateRecord: (ctx, ref, input) => good.updateRecord(ctx, ref, { fields: input.fields }),
    },
  },
  {
    name: 'never finds a record by its idempotency token',
    suite: 'idempotentCreate',
    caughtBy: 'finds the record a create made',
    connector: { ...good, findByIdempotencyToken: async () => null },
  },
  {
    name: 'retries a create blindly after a dropped connection (duplicates)',
    suite: 'idempotentCreate',
    caughtBy: 'answer is lost',
    connector: {
      ...good,
      async createRecord(ctx, input) {
        try {
          return await good.createRecord(ctx, input);
        } catch {
          return await good.createRecord(ctx, input);
        }
      },
    },
  },
  {
    name: 'drops the parent on create',
    suite: 'children',
    caughtBy: 'created with a parent',
    connector: {
      ...good,
      createRecord: (ctx, { parent: _parent, ...input }) => good.createRecord(ctx, input),
    },
  },
  {
    name: 'accepts every webhook delivery',
    suite: 'webhooks',
    caughtBy: 'another registration',
    connector: { ...good, verifyDelivery: () => true },
  },
  {
    name: 'throws a plain Error on a malformed delivery',
    suite: 'webhooks',
    caughtBy: 'malformed body',
    connector: {
      ...good,
      parseDelivery(body) {
        const parsed = JSON.parse(body) as { events: unknown[] };
        return good.parseDelivery(JSON.stringify({ deliveryId: 'x', events: parsed.events }));
      },
    },
  },
  {
    name: 'replays history on a null cursor',
    suite: 'changesSince',
    caughtBy: 'null cursor',
    connector: {
      ...good,
      changesSince: (ctx, input) =>
        good.changesSince(ctx, { ...input, cursor: input.cursor ?? '0' }),
    },
  },
  {
    name: 'loses field messages on a validation error',
    suite: 'errors',
    caughtBy: 'kind "validation"',
    connector: {
      ...good,
      async createRecord(ctx, input) {
        try {
          return await good.createRecord(ctx, input);
        } catch (error) {
          throw new Error(`create failed: ${String(error)}`);
        }
      },
    },
  },
  {
    name: 'reports the attachment size wrong',
    suite: 'attachments',
    caughtBy: 'uploadAttachment',
    connector: {
      ...good,
      async uploadAttachment(ctx, ref, file) {
        return { ...(await good.uploadAttachment(ctx, ref, file)), size: 0 };
      },
    },
  },
];
