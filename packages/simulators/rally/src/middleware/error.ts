/** The one error middleware: every failure becomes the envelope Rally would send. */
import type { Context } from 'hono';
import { z } from 'zod';
import { envelopeBody, RallyError } from '../errors.ts';
import { QueryError } from '../query/ast.ts';

export function queryErrorMessage(e: QueryError): string {
  return e.message.startsWith('Could not read:') ? e.message : `Could not parse: ${e.message}`;
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof RallyError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(envelopeBody(err.envelope, err.errors), err.status as 200);
  }
  if (err instanceof QueryError) {
    return c.json(envelopeBody('QueryResult', [queryErrorMessage(err)]), 200);
  }
  if (err instanceof z.ZodError) {
    return c.json(
      {
        Errors: err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
        Warnings: [],
      },
      400,
    );
  }
  console.error('[sim-rally] unexpected error', err);
  return c.json(
    envelopeBody('OperationResult', [`An unexpected error occurred: ${err.message}`]),
    500,
  );
}
