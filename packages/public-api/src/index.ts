export { createPublicApi, type PublicApiDeps } from './create-public-api.ts';
export { openApiDocument } from './openapi.ts';
export { PUBLIC_ROUTES } from './routes/index.ts';
export {
  type ApiToken,
  addRequirementSchema,
  apiTokenSchema,
  integrationFieldsWriteSchema,
  issueTokenRequestSchema,
  type TokenKind,
  type TokenScope,
} from './schemas.ts';
export {
  type IssueTokenInput,
  type TokenRepository,
  type TokensDb,
  tokenRepository,
} from './tokens/token-repository.ts';
