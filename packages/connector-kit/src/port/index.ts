export type {
  AttachmentInput,
  ChangesSinceInput,
  Connector,
  ConnectorContext,
  CreateRecordInput,
  RecordFields,
  RegisterWebhookInput,
  UpdateRecordInput,
} from './connector.ts';
export * from './default-mappings.ts';
export {
  type FieldError,
  kindForStatus,
  RemoteError,
  type RemoteErrorKind,
  type RemoteErrorOptions,
  remoteErrorKinds,
} from './errors.ts';
export * from './model.ts';
export * from './oauth.ts';
export { expiresSoon, oauthCredentials, refreshMarginMs } from './oauth-credentials.ts';
