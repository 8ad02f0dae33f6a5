/**
 * OAuth 2.0 (authorization code + PKCE, refresh) as an optional capability of a `Connector`:
 * a system that signs users in this way says how; the BFF runs the flow and the runner refreshes
 * grants without knowing which system it talks to.
 */
import type { Transport } from '../transport/types.ts';

/** Tandem's OAuth client as registered with the remote. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** Tandem's callback, registered with the OAuth client. */
  redirectUri: string;
}

export interface OAuthGrant {
  accessToken: string;
  refreshToken: string | null;
  /** When the access token expires (ISO instant), or `null` when the remote did not say. */
  expiresAt: string | null;
  /**
   * When the refresh token, and so the grant, expires, when the server says
   * (`refresh_token_expires_in`). Absent: unchanged since the last answer.
   */
  refreshExpiresAt?: string | null;
  scope: string | null;
}

export interface AuthorizationRequest {
  /** Send the user's browser here. */
  url: string;
  /** Keep both server-side until the callback. */
  state: string;
  codeVerifier: string;
}

export interface OAuthCapability {
  /** The authorize URL to send the browser to, with a fresh state and PKCE verifier. */
  authorize(input: {
    accountUrl: string;
    client: OAuthClient;
    scope?: string;
  }): Promise<AuthorizationRequest>;
  /** Completes the authorization: checks `state`, redeems the code with the PKCE verifier. */
  exchangeCode(input: {
    accountUrl: string;
    client: OAuthClient;
    /** The full callback URL the remote redirected to (`?code=…&state=…`). */
    callbackUrl: string | URL;
    expectedState: string;
    codeVerifier: string;
    transport?: Transport;
    now?: () => number;
  }): Promise<OAuthGrant>;
  /** A fresh grant for a refresh token; `RemoteError` kind `auth` when it must be re-authorized. */
  refresh(input: {
    accountUrl: string;
    client: Pick<OAuthClient, 'clientId' | 'clientSecret'>;
    refreshToken: string | null;
    transport?: Transport;
    now?: () => number;
  }): Promise<OAuthGrant>;
}
