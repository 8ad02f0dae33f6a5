export { allowedHosts, manifest } from '../manifest.ts';
export { rallyAccountKey } from './account.ts';
export { listAttachments, maxAttachmentBytes } from './attachments.ts';
export { defaultPolledTypes } from './changes-since.ts';
export { rallyConnector } from './connector.ts';
export { fromRallyHtml, sameRichText, toRallyHtml } from './html.ts';
export {
  type AuthorizationRequest,
  buildAuthorizationUrl,
  defaultScope,
  exchangeCode,
  type OAuthGrant,
  type RallyOAuthClient,
  rallyAuthorizationServer,
  rallyOAuth,
  refreshGrant,
} from './oauth.ts';
export { browserUrl, type RankInput } from './records.ts';
export {
  accountUrlSchema,
  normalizeAccountUrl,
  type RallyConfig,
  type RallyConfigInput,
  rallyConfigSchema,
} from './spec.ts';
export { recordTypeIds } from './types.ts';
export { defaultWebhookTypes, tokenParam } from './webhooks.ts';
