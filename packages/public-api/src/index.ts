export { createPublicApi, type PublicApiDeps } from './create-public-api.ts';
export { openApiDocument } from './openapi.ts';
export { PUBLIC_ROUTES } from './routes/index.ts';
export { type ApiToken, apiTokenSchema, type TokenKind, type TokenScope } from './schemas.ts';
export {
  type IssueTokenInput,
  type TokenRepository,
  tokenRepository,
} from './tokens/token-repository.ts';
