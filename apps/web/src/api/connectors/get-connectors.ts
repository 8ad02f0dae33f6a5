import {
  type ConnectorPresentation,
  connectorListSchema,
  type IntegrationSystem,
} from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const connectorKeys = { all: ['connectors'] as const };

/** The systems Tandem can integrate with, each with the words and steps its screens show. */
export async function getConnectors(): Promise<ConnectorPresentation[]> {
  const body = await api.read(api.rpc.connectors.$get(), connectorListSchema);
  return body.connectors;
}

export const getConnectorsQueryOptions = () =>
  queryOptions({
    queryKey: connectorKeys.all,
    queryFn: getConnectors,
    // What the server registered changes only with a deploy.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useConnectors() {
  return useQuery(getConnectorsQueryOptions());
}

/** One system's presentation; `undefined` while loading or when no connector is registered. */
export function useConnectorPresentation(
  system: IntegrationSystem | undefined,
): ConnectorPresentation | undefined {
  const { data } = useConnectors();
  return data?.find((c) => c.system === system);
}

/** A system's name, from its presentation once loaded (the id until then). */
export function useSystemName(): (system: IntegrationSystem) => string {
  const { data } = useConnectors();
  return (system) => data?.find((c) => c.system === system)?.displayName ?? system;
}

/** The registered systems' names as a phrase: "A", "A or B", "A, B or C". */
export function useSystemList(): string {
  const names = (useConnectors().data ?? []).map((c) => c.displayName);
  if (names.length <= 1) return names[0] ?? 'a development tool';
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
