/** Personal access tokens: who each belongs to, what it may do, and whether it still works. */
import { DEFAULT_USERS, EXPIRED_PAT, REVOKED_PAT } from '../state/identities.ts';

export type TokenState = 'active' | 'expired' | 'revoked';

export interface PersonalAccessToken {
  token: string;
  userId: string;
  /** `full`: every scope; `read`: Work Items (Read) and Project and Team (Read). */
  scope: 'full' | 'read';
  state: TokenState;
  validTo: string;
}

export interface TokenSnapshot {
  tokens: PersonalAccessToken[];
}

export class Tokens {
  private byToken = new Map<string, PersonalAccessToken>();

  seed(fullPat: string, now: Date): void {
    this.byToken.clear();
    const inAYear = new Date(now.getTime() + 365 * 86_400_000).toISOString();
    const lastWeek = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    DEFAULT_USERS.forEach((u, i) => {
      this.add({
        token: i === 0 ? fullPat : u.token,
        userId: u.id,
        scope: u.scope,
        state: 'active',
        validTo: inAYear,
      });
    });
    const jordan = DEFAULT_USERS[1]!.id;
    const morgan = DEFAULT_USERS[0]!.id;
    this.add({
      token: EXPIRED_PAT,
      userId: jordan,
      scope: 'full',
      state: 'expired',
      validTo: lastWeek,
    });
    this.add({
      token: REVOKED_PAT,
      userId: morgan,
      scope: 'full',
      state: 'revoked',
      validTo: inAYear,
    });
  }

  /** Make `fullPat` the seeded full-scope user's token (a saved state may hold another one). */
  seedFullToken(fullPat: string, now: Date): void {
    const morgan = DEFAULT_USERS[0]!.id;
    for (const t of this.byToken.values()) {
      if (t.userId === morgan && t.scope === 'full' && t.state === 'active' && t.token !== fullPat)
        this.byToken.delete(t.token);
    }
    if (!this.byToken.has(fullPat)) {
      const inAYear = new Date(now.getTime() + 365 * 86_400_000).toISOString();
      this.add({
        token: fullPat,
        userId: morgan,
        scope: 'full',
        state: 'active',
        validTo: inAYear,
      });
    }
  }

  add(t: PersonalAccessToken): void {
    this.byToken.set(t.token, t);
  }

  get(token: string): PersonalAccessToken | undefined {
    return this.byToken.get(token);
  }

  /** The token if it works now (active and not past its end date). */
  valid(token: string, now: Date): PersonalAccessToken | undefined {
    const t = this.byToken.get(token);
    if (t?.state !== 'active' || Date.parse(t.validTo) <= now.getTime()) return undefined;
    return t;
  }

  setState(token: string, state: TokenState): PersonalAccessToken | undefined {
    const t = this.byToken.get(token);
    if (t) t.state = state;
    return t;
  }

  list(): PersonalAccessToken[] {
    return [...this.byToken.values()];
  }

  snapshot(): TokenSnapshot {
    return { tokens: this.list() };
  }

  load(s: TokenSnapshot): void {
    this.byToken = new Map(s.tokens.map((t) => [t.token, t]));
  }
}
