/** The seeded people of `tandem-demo` and how an identity is written in each kind of payload. */
import type { Identity } from './model.ts';

export interface SeededUser extends Identity {
  /** Personal access token seeded for this user (null: this user has none that works). */
  token: string;
  scope: 'full' | 'read';
  note: string;
}

// 52 characters of [a-z2-7], the shape of a classic PAT: the Node client picks its PAT handler
// for tokens of this length.
export const DEFAULT_FULL_PAT = 'tandemsimfullscopepat2222222222222222222222222222222a';
export const DEFAULT_USERS: readonly SeededUser[] = [
  {
    id: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    displayName: 'Morgan Planner',
    uniqueName: 'morgan.planner@tandem-demo.example',
    descriptor: 'aad.bW9yZ2FuLnBsYW5uZXI',
    token: DEFAULT_FULL_PAT,
    scope: 'full',
    note: 'full scope (SIM_ADO_PAT); project administrator',
  },
  {
    id: '7a2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
    displayName: 'Jordan Developer',
    uniqueName: 'jordan.developer@tandem-demo.example',
    descriptor: 'aad.am9yZGFuLmRldmVsb3Blcg',
    token: 'tandemsimdeveloperpat33333333333333333333333333333333',
    scope: 'full',
    note: 'full scope; the default author of act-as edits',
  },
  {
    id: '8b3d4e5f-6a7b-4c8d-ae9f-1a2b3c4d5e6f',
    displayName: 'Riley Reader',
    uniqueName: 'riley.reader@tandem-demo.example',
    descriptor: 'aad.cmlsZXkucmVhZGVy',
    token: 'tandemsimreadonlypat444444444444444444444444444444444',
    scope: 'read',
    note: 'Work Items (Read), Project and Team (Read): writes are refused',
  },
];

/** Tokens that look valid but are not: answered with 401 like any unknown token. */
export const EXPIRED_PAT = 'tandemsimexpiredpat55555555555555555555555555555555555';
export const REVOKED_PAT = 'tandemsimrevokedpat66666666666666666666666666666666666';

export function identityRef(user: Identity, base: string, org: string) {
  const avatar = `${base}/${org}/_apis/GraphProfile/MemberAvatars/${user.descriptor}`;
  return {
    displayName: user.displayName,
    url: `${base}/${org}/_apis/Identities/${user.id}`,
    _links: { avatar: { href: avatar } },
    id: user.id,
    uniqueName: user.uniqueName,
    imageUrl: `${base}/${org}/_api/_common/identityImage?id=${user.id}`,
    descriptor: user.descriptor,
  };
}

/** How identity fields appear in service-hook payloads of resource version 1.0. */
export const identityString = (user: Identity) => `${user.displayName} <${user.uniqueName}>`;
