import { createPublicApi, openApiDocument, PUBLIC_ROUTES } from '@tandem/public-api';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { completeDeps } from './app-deps.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { fromDomainError } from './lib/domain-errors.ts';
import { AppError, toErrorBody } from './lib/errors.ts';
import { RateLimitedError } from './lib/rate-limit.ts';
import { refuseCrossSiteForms, requireCsrfToken } from './middleware/csrf.ts';
import { refuseNulCharacters } from './middleware/refuse-nul.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { loadSession } from './middleware/session.ts';
import { apiTokenRoutes } from './routes/api-tokens.ts';
import { ATTACHMENT_UPLOAD_PATH, attachmentRoutes } from './routes/attachments.ts';
import { authRoutes } from './routes/auth.ts';
import { clientCertificateRoutes } from './routes/client-certificates.ts';
import { connectorRoutes } from './routes/connectors.ts';
import { customFieldRoutes } from './routes/custom-fields.ts';
import { eventRoutes } from './routes/events.ts';
import { featureRoutes } from './routes/features.ts';
import { healthRoutes } from './routes/health.ts';
import { importCandidateRoutes } from './routes/import-candidates.ts';
import { initiativeRoutes } from './routes/initiatives.ts';
import { integrationLogRoutes } from './routes/integration-log.ts';
import { integrationMappingRoutes } from './routes/integration-mappings.ts';
import { integrationTemplateRoutes } from './routes/integration-templates.ts';
import { integrationRoutes } from './routes/integrations.ts';
import { integrationsReportRoutes } from './routes/integrations-report.ts';
import { oauthCallbackRoutes, oauthStartRoutes } from './routes/oauth.ts';
import { recordLinkRoutes } from './routes/record-links.ts';
import { releaseRoutes } from './routes/releases.ts';
import { remoteDiscoveryRoutes } from './routes/remote-discovery.ts';
import { requirementRoutes } from './routes/requirements.ts';
import { sendRoutes } from './routes/sends.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { workflowRoutes } from './routes/workflows.ts';
import { workspaceRoutes } from './routes/workspaces.ts';
import { spaRoutes } from './spa.ts';

const isWebhook = (path: string) => path.startsWith('/api/webhooks/');
/** The public API: a bearer token, never a session cookie, so no CSRF token either. */
const isTokenApi = (path: string) =>
  path.startsWith('/api/public/') || path === '/api/openapi.json';

/** The JSON API; its type is what the SPA's typed client is built from. */
function createApi() {
  return new Hono<AppEnv>()
    .route('/health', healthRoutes)
    .route('/auth', authRoutes)
    .route('/connectors', connectorRoutes)
    .route('/workspaces', workspaceRoutes)
    .route('/workspaces', eventRoutes)
    .route('/workspaces/:workspaceId/workflows', workflowRoutes)
    .route('/workspaces/:workspaceId/releases', releaseRoutes)
    .route('/workspaces/:workspaceId/initiatives', initiativeRoutes)
    .route('/workspaces/:workspaceId/features', featureRoutes)
    .route('/workspaces/:workspaceId/custom-fields', customFieldRoutes)
    .route('/workspaces/:workspaceId', requirementRoutes)
    .route('/workspaces/:workspaceId', attachmentRoutes)
    .route('/workspaces/:workspaceId/integrations', integrationRoutes)
    .route('/workspaces/:workspaceId/integrations', sendRoutes)
    .route('/workspaces/:workspaceId/integrations', integrationLogRoutes)
    .route('/workspaces/:workspaceId/integrations', oauthStartRoutes)
    .route('/workspaces/:workspaceId/integrations', remoteDiscoveryRoutes)
    .route('/workspaces/:workspaceId/integrations', integrationMappingRoutes)
    .route('/workspaces/:workspaceId/integrations', clientCertificateRoutes)
    .route('/workspaces/:workspaceId/integrations', importCandidateRoutes)
    .route('/oauth', oauthCallbackRoutes)
    .route('/integration-templates', integrationTemplateRoutes)
    .route('/integrations', integrationsReportRoutes)
    .route('/webhooks', webhookRoutes)
    .route('/workspaces/:workspaceId/links', recordLinkRoutes)
    .route('/workspaces/:workspaceId/api-tokens', apiTokenRoutes);
}

export type AppType = ReturnType<typeof createApi>;

export function createApp(deps: AppDeps) {
  const full = completeDeps(deps);
  const app = new Hono<AppEnv>();

  app.use('*', securityHeaders(full.env));
  app.use('*', requestId(), async (c, next) => {
    c.set('deps', full);
    c.set('log', full.logger.child({ reqId: c.var.requestId }));
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/')) {
      c.var.log.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });

  const jsonBodyLimit = bodyLimit({
    maxSize: full.env.MAX_BODY_BYTES,
    onError: () => {
      throw new AppError(
        413,
        'payload_too_large',
        `The request body is larger than ${full.env.MAX_BODY_BYTES} bytes`,
      );
    },
  });
  app.use(
    '/api/*',
    // Uploads have a larger limit of their own, enforced by their route.
    (c, next) =>
      c.req.method === 'POST' && ATTACHMENT_UPLOAD_PATH.test(c.req.path)
        ? next()
        : jsonBodyLimit(c, next),
    refuseNulCharacters({ unlimitedBody: (path) => ATTACHMENT_UPLOAD_PATH.test(path) }),
    // Remote webhooks carry no session and prove themselves with their registration's secret.
    (c, next) =>
      isWebhook(c.req.path) || isTokenApi(c.req.path) ? next() : refuseCrossSiteForms(c, next),
    loadSession,
  );
  app.use('/api/*', async (c, next) =>
    c.req.path === '/api/auth/login' || isWebhook(c.req.path) || isTokenApi(c.req.path)
      ? next()
      : requireCsrfToken(c, next),
  );

  app.route('/api', createApi());
  const openApi = openApiDocument(PUBLIC_ROUTES);
  app.get('/api/openapi.json', (c) => c.json(openApi));
  app.route('/api/public/v1', createPublicApi({ db: full.database }));
  app.all('/api/*', () => {
    throw AppError.notFound('API route');
  });
  app.route('/', spaRoutes(full.env.WEB_DIST));

  app.notFound((c) => c.json(toErrorBody(AppError.notFound('Page')).body, 404));
  app.onError((error, c) => {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
    const { status, body } = toErrorBody(fromDomainError(error));
    if (status >= 500) c.var.log?.error({ err: error }, 'unhandled error');
    return c.json(body, status);
  });
  return app;
}
