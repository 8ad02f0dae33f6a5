/** What the engine's send plan does for one feature: its release first, then it, then a requirement. */
import type { Connector } from '@tandem/connector-kit';
import type { Ctx } from '../../src/deliver.ts';
import type { RemoteServiceConfig } from '../../src/spec.ts';

const scope = { workspaceId: 'tracker', projectId: 'records' };

export async function sendReleaseFeatureRequirement(
  connector: Connector<RemoteServiceConfig>,
  ctx: Ctx,
  names: { release: string; feature: string; requirement: string },
  tokenPrefix: string,
) {
  const create = (
    type: string,
    fields: Record<string, unknown>,
    parent?: { type: string; id: string },
  ) =>
    connector.createRecord(ctx, {
      scope,
      type,
      fields,
      ...(parent ? { parent } : {}),
      idempotencyToken: `${tokenPrefix}-${type}`,
    });
  const release = await create('release', { name: names.release, release_date: '2026-10-01' });
  const feature = await create('feature', { name: names.feature, release: release.id });
  const requirement = await create(
    'requirement',
    { name: names.requirement },
    { type: 'feature', id: feature.id },
  );
  return { release, feature, requirement };
}
