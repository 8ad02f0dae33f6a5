/** One error path: every failure leaves as Azure DevOps's JSON error body. */
import type { Context } from 'hono';
import { ZodError } from 'zod';
import type { AppEnv } from '../context.ts';
import { AdoError } from '../errors.ts';

const describe = (err: ZodError) => {
  const issue = err.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid input';
};

export function onError(err: Error, c: Context<AppEnv>) {
  const e =
    err instanceof AdoError
      ? err
      : err instanceof ZodError
        ? new AdoError(`VS402374: The request is not valid: ${describe(err)}.`, {
            status: 400,
            typeKey: 'VssPropertyValidationException',
            namespace: 'Microsoft.VisualStudio.Services.Common',
          })
        : new AdoError(`TF400898: An Internal Error Occurred. ${err.message}`, {
            status: 500,
            typeKey: 'VssServiceException',
            namespace: 'Microsoft.VisualStudio.Services.Common',
          });
  if (e.status >= 500) console.error('[sim-ado]', err);
  for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
  return c.json(e.body(), e.status as 400);
}

export function notFound(c: Context<AppEnv>) {
  return c.json(
    new AdoError(
      `The controller for path '${c.req.path}' was not found or does not implement IController.`,
      {
        status: 404,
        typeKey: 'HttpException',
        namespace: 'System.Web',
      },
    ).body(),
    404,
  );
}
