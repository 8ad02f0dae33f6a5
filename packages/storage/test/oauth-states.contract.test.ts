import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { columnTypes } from '../src/column-types.ts';
import {
  integrationsRepository,
  integrationTemplatesRepository,
  type OAuthStateRow,
  oauthStatesRepository,
  usersRepository,
  workspacesRepository,
} from '../src/index.ts';
import * as migration from '../src/migrations/0009-oauth-states-for-templates.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('OAuth states of integrations and templates', (handle, dialect) => {
  const suffix = () => randomBytes(4).toString('hex');

  async function subjects() {
    const db = handle().db;
    const user = await usersRepository(db).create({
      email: `u-${suffix()}@example.com`,
      name: 'U',
      passwordHash: 'x',
    });
    const ws = await workspacesRepository(db).create({
      key: `W${suffix().toUpperCase()}`,
      name: 'W',
    });
    const integration = await integrationsRepository(db).create({
      workspaceId: ws.id,
      system: 'rally',
      name: 'Rally',
      templateId: null,
      config: {},
    });
    const template = await integrationTemplatesRepository(db).create({
      name: 'T',
      system: 'rally',
      config: {},
      createdInWorkspaceId: null,
    });
    return { user, integration, template };
  }

  const state = (userId: string, subject: OAuthStateRow['subject']): OAuthStateRow => ({
    state: `s-${suffix()}`,
    userId,
    subject,
    sealedVerifier: 'sealed',
    redirectUri: 'http://127.0.0.1/cb',
    createdAt: '2026-11-25T10:00:00.000Z',
    expiresAt: '2026-11-25T10:10:00.000Z',
  });

  it('keeps whose authorization it is, once', async () => {
    const { user, integration, template } = await subjects();
    const repo = oauthStatesRepository(handle().db);
    const forTemplate = state(user.id, { kind: 'template', id: template.id });
    const forIntegration = state(user.id, { kind: 'integration', id: integration.id });
    await repo.create(forTemplate);
    await repo.create(forIntegration);
    expect(await repo.take(forTemplate.state)).toEqual(forTemplate);
    expect(await repo.take(forTemplate.state)).toBeUndefined();
    expect((await repo.take(forIntegration.state))?.subject).toEqual({
      kind: 'integration',
      id: integration.id,
    });
  });

  it('refuses a state of neither or both, and one of a template that does not exist', async () => {
    const { user, integration, template } = await subjects();
    const db = handle().db;
    const row = (integrationId: string | null, templateId: string | null) =>
      db
        .insertInto('oauth_states')
        .values({
          state: `s-${suffix()}`,
          user_id: user.id,
          integration_id: integrationId,
          template_id: templateId,
          sealed_verifier: 'x',
          redirect_uri: 'x',
          created_at: '2026-11-25T10:00:00.000Z',
          expires_at: '2026-11-25T10:10:00.000Z',
        })
        .execute();
    await expect(row(null, null)).rejects.toThrow();
    await expect(row(integration.id, template.id)).rejects.toThrow();
    await expect(row(null, 'no-such-template')).rejects.toThrow();
  });

  it('goes when its template is deleted', async () => {
    const { user, template } = await subjects();
    const repo = oauthStatesRepository(handle().db);
    const s = state(user.id, { kind: 'template', id: template.id });
    await repo.create(s);
    await integrationTemplatesRepository(handle().db).delete(template.id);
    expect(await repo.take(s.state)).toBeUndefined();
  });

  it('migrates an integration’s authorization in flight, and back', async () => {
    const { user, integration, template } = await subjects();
    const db = handle().db;
    const t = columnTypes(dialect);
    const repo = oauthStatesRepository(db);
    await repo.create(state(user.id, { kind: 'template', id: template.id }));
    await migration.down(db as never, t);
    const inFlight = `old-${suffix()}`;
    await sql`insert into oauth_states
        (state, user_id, integration_id, sealed_verifier, redirect_uri, created_at, expires_at)
      values (${inFlight}, ${user.id}, ${integration.id}, 'v', 'r',
        '2026-11-25T10:00:00.000Z', '2026-11-25T10:10:00.000Z')`.execute(db);
    await migration.up(db as never, t);
    expect(await repo.take(inFlight)).toMatchObject({
      userId: user.id,
      subject: { kind: 'integration', id: integration.id },
      sealedVerifier: 'v',
    });
  });
});
