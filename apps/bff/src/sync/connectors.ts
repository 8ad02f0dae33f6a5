import type { Connector } from '@tandem/connector-kit';
import { rallyConnector } from '@tandem/connector-rally';
import type { IntegrationSystem } from '@tandem/contracts';

/** Every remote system Tandem can integrate with; adding one is one connector folder + a line. */
export const CONNECTORS: Partial<Record<IntegrationSystem, Connector<unknown>>> = {
  rally: rallyConnector as Connector<unknown>,
};

export function connectorFor(system: IntegrationSystem): Connector<unknown> {
  const connector = CONNECTORS[system];
  if (!connector) throw new Error(`No connector for ${system} yet`);
  return connector;
}
