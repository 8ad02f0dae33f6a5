import type { ClientCertificate, OAuthGrant } from '@tandem/connector-kit';

/** An OAuth grant as Tandem keeps it: who is connected, since when, and until when. */
export type StoredGrant = OAuthGrant & {
  connectedAs?: string | null;
  /** The remote user's id (the transport's account key is per remote user). */
  remoteUserId?: string | null;
  connectedAt?: string;
  /** When the refresh token (and so the grant) expires, when known. */
  refreshExpiresAt?: string | null;
};

/** What an integration (or template) keeps encrypted (see SecretBox); never sent to the SPA or logged. */
export type IntegrationSecrets = {
  apiKey?: string;
  /** Who the API key belongs to, as the remote answered the connection check. */
  connectedAs?: string | null;
  /** The remote user's id behind the API key (to recognise Tandem's own changes in webhooks). */
  remoteUserId?: string | null;
  /** When the API key was stored. */
  connectedAt?: string;
  oauth?: StoredGrant;
  clientCertificate?: Pick<ClientCertificate, 'cert' | 'key'> & { cert: string; key: string };
};
