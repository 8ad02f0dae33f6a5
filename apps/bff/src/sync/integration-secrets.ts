import type { ClientCertificate } from '@tandem/connector-kit';
import type { OAuthGrant } from '@tandem/connector-rally';

/** What an integration keeps encrypted (see SecretBox); never sent to the SPA or logged. */
export type IntegrationSecrets = {
  apiKey?: string;
  oauth?: OAuthGrant & { connectedAs?: string | null };
  clientCertificate?: Pick<ClientCertificate, 'cert' | 'key'> & { cert: string; key: string };
};
