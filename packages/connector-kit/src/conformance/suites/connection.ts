import { connectorPresentationSchema, WIZARD_STEPS } from '@tandem/contracts';
import { expect } from 'vitest';
import { connectorManifestSchema, whoAmISchema } from '../../port/model.ts';
import type { ConformanceCase } from '../types.ts';
import { expectRemoteError } from './expect-remote-error.ts';

export const connectionSuite: ConformanceCase[] = [
  {
    name: 'the manifest is well-formed and the spec accepts the test config',
    async run({ connector, ctx }) {
      connectorManifestSchema.parse(connector.manifest);
      const parsed = connector.spec.safeParse(ctx.config);
      expect(parsed.success, parsed.error?.message).toBe(true);
    },
  },
  {
    name: 'the presentation parses and names only known wizard steps, in order',
    async run({ connector }) {
      const parsed = connectorPresentationSchema.safeParse(connector.manifest.presentation);
      expect(parsed.success, parsed.error?.message).toBe(true);
      const steps = connector.manifest.presentation.steps.map((s) => s.id);
      expect(steps.every((s) => WIZARD_STEPS.includes(s))).toBe(true);
      expect(steps).toEqual(WIZARD_STEPS.filter((s) => steps.includes(s)));
      expect(connector.manifest.presentation.displayName).toBe(connector.manifest.displayName);
    },
  },
  {
    name: 'checkConnection says who the credentials belong to',
    async run({ connector, ctx }) {
      whoAmISchema.parse(await connector.checkConnection(ctx));
    },
  },
  {
    name: 'revoked credentials fail with kind "auth", not retryable',
    async run({ withRevokedCredentials }) {
      const { connector, ctx } = await withRevokedCredentials();
      const error = await expectRemoteError(connector.checkConnection(ctx), 'auth');
      expect(error.retryable).toBe(false);
    },
  },
];
