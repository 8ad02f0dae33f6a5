import type { ClientCertificate } from '@tandem/connector-kit';
import type { OAuthGrant } from '@tandem/connector-rally';

/** What an integration keeps encrypted (see SecretBox); never sent to the SPA or logged. */
export type IntegrationSecrets = {
  apiKey?: string;
  /** Who the API key belongs to, as the remote answered the connection check. */
  connectedAs?: string | null;
  oauth?: OAuthGrant & { connectedAs?: string | null };
  clientCertificate?: Pick<ClientCertificate, 'cert' | 'key'> & { cert: string; key: string };
};
