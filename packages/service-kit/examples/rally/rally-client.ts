/** The few WSAPI calls the Rally example makes, over fetch (a service brings its own client). */
import { ServiceError } from '../../src/index.ts';

export interface RallyAccount {
  accountUrl: string;
  apiKey: string;
  workspaceId: string;
  projectId: string;
}

export interface RallyObject {
  ObjectID: number;
  FormattedID?: string;
  _ref: string;
}

export async function rallyWrite(
  account: RallyAccount,
  path: string,
  type: string,
  fields: Record<string, unknown>,
  signal: AbortSignal,
): Promise<RallyObject> {
  const url = `${account.accountUrl}/slm/webservice/v2.0${path}?workspace=/workspace/${account.workspaceId}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: path.endsWith('/create') ? 'POST' : 'PUT',
      headers: { zsessionid: account.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ [type]: fields }),
      signal,
    });
  } catch (error) {
    throw new ServiceError(`Rally is unreachable: ${(error as Error).message}`, {
      retryable: true,
    });
  }
  if (response.status === 401)
    throw new ServiceError('Rally refused the API key', { retryable: false });
  if (response.status === 429 || response.status >= 500) {
    throw new ServiceError(`Rally answered ${response.status}`, { retryable: true });
  }
  const body = (await response.json()) as Record<
    string,
    { Object?: RallyObject; Errors?: string[] }
  >;
  const result = body.CreateResult ?? body.OperationResult;
  if (!result?.Object) {
    throw new ServiceError(
      `Rally refused the ${type}: ${(result?.Errors ?? []).join('; ') || response.status}`,
      {
        retryable: false,
        fieldErrors: (result?.Errors ?? []).map((message) => ({ field: null, message })),
      },
    );
  }
  return result.Object;
}

export function detailUrl(account: RallyAccount, object: RallyObject, kind: string): string {
  return `${account.accountUrl}/#/detail/${kind}/${object.ObjectID}`;
}
