import { randomBytes } from 'node:crypto';

/**
 * Where an authorization answer returns: an integration's wizard, or a template's page in the
 * workspace it was started from. The state string names it, so even a forged or late answer can
 * go back there; whether the answer is trusted is decided by the stored state alone.
 */
export type OAuthReturn =
  | { kind: 'integration'; integrationId: string }
  | { kind: 'template'; templateId: string; workspaceId: string };

const TEMPLATE = 'template';

/** `<integrationId>~<random>` or `template~<templateId>~<workspaceId>~<random>`. */
export function newOAuthState(to: OAuthReturn): string {
  const random = randomBytes(32).toString('base64url');
  return to.kind === 'integration'
    ? `${to.integrationId}~${random}`
    : `${TEMPLATE}~${to.templateId}~${to.workspaceId}~${random}`;
}

export function returnOfState(state: string): OAuthReturn | null {
  const parts = state.split('~');
  if (parts.some((p) => p === '')) return null;
  if (parts.length === 2) return { kind: 'integration', integrationId: parts[0]! };
  if (parts.length === 4 && parts[0] === TEMPLATE) {
    return { kind: 'template', templateId: parts[1]!, workspaceId: parts[2]! };
  }
  return null;
}
