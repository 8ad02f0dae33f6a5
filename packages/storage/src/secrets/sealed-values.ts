import type { Kysely, Transaction } from 'kysely';
import { readJson } from '../column-types.ts';
import type { Database } from '../schema.ts';
import type { SecretBox } from './secret-box.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The associated data each kind of sealed value is bound to (a value moved to another row fails). */
export const sealContext = {
  integration: (id: string) => id,
  template: (id: string) => `template:${id}`,
  oauthState: (state: string) => `oauth-state:${state}`,
  webhook: (integrationId: string) => `webhook:${integrationId}`,
};

/**
 * An integration's webhook registration as stored in `integrations.webhook`: the remote's ids,
 * the target URL without the secret, and the secret sealed (never in plain text).
 */
export type StoredWebhookRegistration = {
  id: string;
  targetUrl: string;
  sealedSecret: string;
  registeredAt: string;
  [key: string]: unknown;
};

/** The target URL with any query parameter carrying the secret (Rally's token) removed. */
export function withoutSecret(targetUrl: string, secret: string): string {
  try {
    const url = new URL(targetUrl);
    for (const [name, value] of [...url.searchParams]) {
      if (value === secret) url.searchParams.delete(name);
    }
    return url.toString().replaceAll(secret, '');
  } catch {
    return targetUrl.replaceAll(secret, '');
  }
}

/** Seals a registration's secret for storage (see `StoredWebhookRegistration`). */
export function sealWebhookRegistration(
  box: SecretBox,
  integrationId: string,
  registration: { id: string; targetUrl: string; secret: string; [key: string]: unknown },
  registeredAt: string,
): StoredWebhookRegistration {
  const { secret, targetUrl, ...rest } = registration;
  return {
    ...rest,
    id: registration.id,
    targetUrl: withoutSecret(targetUrl, secret),
    sealedSecret: box.seal(secret, sealContext.webhook(integrationId)),
    registeredAt,
  };
}

/**
 * Every sealed value Tandem stores, table by table; `./tandem rotate-key` re-seals all of them.
 * A new table or column holding a sealed value is added here (and the rotation test counts it).
 */
export type SealedValueKind = 'integration' | 'template' | 'oauthState' | 'webhook';
export type SealedValue = {
  kind: SealedValueKind;
  /** The row's key: an integration or template id, or an OAuth state. */
  key: string;
  context: string;
  sealed: string;
};

export async function listSealedValues(db: Db): Promise<SealedValue[]> {
  const out: SealedValue[] = [];
  const integrations = await db
    .selectFrom('integrations')
    .select(['id', 'secrets', 'webhook'])
    .execute();
  for (const r of integrations) {
    if (r.secrets) {
      out.push({
        kind: 'integration',
        key: r.id,
        context: sealContext.integration(r.id),
        sealed: r.secrets,
      });
    }
    const webhook = r.webhook === null ? null : readJson<Record<string, unknown> | null>(r.webhook);
    if (webhook && typeof webhook.sealedSecret === 'string') {
      out.push({
        kind: 'webhook',
        key: r.id,
        context: sealContext.webhook(r.id),
        sealed: webhook.sealedSecret,
      });
    }
  }
  for (const r of await db
    .selectFrom('integration_templates')
    .select(['id', 'secrets'])
    .execute()) {
    if (r.secrets) {
      out.push({
        kind: 'template',
        key: r.id,
        context: sealContext.template(r.id),
        sealed: r.secrets,
      });
    }
  }
  for (const r of await db
    .selectFrom('oauth_states')
    .select(['state', 'sealed_verifier'])
    .execute()) {
    out.push({
      kind: 'oauthState',
      key: r.state,
      context: sealContext.oauthState(r.state),
      sealed: r.sealed_verifier,
    });
  }
  return out;
}

/** Stores a re-sealed value in place; no version bump (nothing about the row changed). */
async function writeSealed(db: Db, value: SealedValue, sealed: string): Promise<void> {
  switch (value.kind) {
    case 'integration':
      await db
        .updateTable('integrations')
        .set({ secrets: sealed })
        .where('id', '=', value.key)
        .execute();
      return;
    case 'template':
      await db
        .updateTable('integration_templates')
        .set({ secrets: sealed })
        .where('id', '=', value.key)
        .execute();
      return;
    case 'oauthState':
      await db
        .updateTable('oauth_states')
        .set({ sealed_verifier: sealed })
        .where('state', '=', value.key)
        .execute();
      return;
    case 'webhook': {
      const row = await db
        .selectFrom('integrations')
        .select('webhook')
        .where('id', '=', value.key)
        .executeTakeFirstOrThrow();
      const webhook = readJson<Record<string, unknown>>(row.webhook);
      await db
        .updateTable('integrations')
        .set({ webhook: JSON.stringify({ ...webhook, sealedSecret: sealed }) })
        .where('id', '=', value.key)
        .execute();
      return;
    }
  }
}

export type ResealResult = { resealed: number; byKind: Record<SealedValueKind, number> };

/**
 * Opens every sealed value with `from` (holding the old keys) and seals it again with `to`, in
 * one transaction: all values move to the new key, or none does. A value that does not open
 * stops the rotation (nothing is written) with which row it was.
 */
export async function resealAll(
  db: Kysely<Database>,
  from: SecretBox,
  to: SecretBox,
): Promise<ResealResult> {
  return db.transaction().execute(async (trx) => {
    const byKind: Record<SealedValueKind, number> = {
      integration: 0,
      template: 0,
      oauthState: 0,
      webhook: 0,
    };
    const values = await listSealedValues(trx);
    for (const value of values) {
      let plain: unknown;
      try {
        plain = from.open(value.sealed, value.context);
      } catch (error) {
        throw new Error(
          `Cannot open the ${value.kind} secret of ${value.key} with the current keys: ${(error as Error).message}`,
        );
      }
      await writeSealed(trx, value, to.seal(plain, value.context));
      byKind[value.kind]++;
    }
    return { resealed: values.length, byKind };
  });
}
