/**
 * api-version negotiation as the service does it: from the query string or the Accept header
 * (`application/json;api-version=7.1-preview.3`), query first; 1.0–7.2 accepted; a version above
 * the released one needs `-preview`; a write without any version is refused.
 */
import { AdoError } from './errors.ts';

export const LATEST_VERSION = '7.2';
export const RELEASED_VERSION = '7.1';

export interface ApiVersion {
  /** e.g. `7.1` */
  version: string;
  preview: boolean;
  resourceVersion: number | null;
  /** As the client sent it (echoed in the response content type). */
  raw: string;
}

const PATTERN = /^(\d+)\.(\d+)(?:-preview(?:\.(\d+))?)?$/i;

export function requestedVersion(
  query: string | undefined,
  accept: string | undefined,
): string | null {
  if (query) return query.trim();
  const m = /api-version\s*=\s*([^;,\s]+)/i.exec(accept ?? '');
  return m ? m[1]! : null;
}

const versionError = (message: string, typeKey: string) =>
  new AdoError(message, {
    status: 400,
    typeKey,
    namespace: 'Microsoft.VisualStudio.Services.WebApi',
  });

export function negotiate(raw: string | null, method: string): ApiVersion | null {
  if (raw === null) {
    if (method === 'GET' || method === 'OPTIONS' || method === 'HEAD') return null;
    throw versionError(
      `No api-version was supplied for the "${method}" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. "?api-version=1.0").`,
      'VssVersionNotSpecifiedException',
    );
  }
  const m = PATTERN.exec(raw);
  if (!m) {
    throw versionError(
      `The api-version '${raw}' is not valid. It must be of the form {major}.{minor}[-{stage}[.{resourceVersion}]], such as 7.1 or 7.1-preview.3.`,
      'VssInvalidApiVersionException',
    );
  }
  const version = `${m[1]}.${m[2]}`;
  const n = Number(version);
  const preview = /-preview/i.test(raw);
  if (n < 1 || n > Number(LATEST_VERSION)) {
    throw versionError(
      `The requested REST API version of ${version} is out of range for this server. The latest REST API version for this server is ${LATEST_VERSION}.`,
      'VssVersionOutOfRangeException',
    );
  }
  if (n > Number(RELEASED_VERSION) && !preview) {
    throw versionError(
      `The requested version "${version}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${version}-preview"`,
      'VssInvalidPreviewVersionException',
    );
  }
  return { version, preview, resourceVersion: m[3] ? Number(m[3]) : null, raw };
}
