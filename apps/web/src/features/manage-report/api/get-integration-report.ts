import { type IntegrationReportRow, integrationReportSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Every integration of the account, across the workspaces the owner can see. */
export async function getIntegrationReport(): Promise<IntegrationReportRow[]> {
  const body = await api.read(api.rpc.integrations.report.$get(), integrationReportSchema);
  return body.rows;
}

export const getIntegrationReportQueryOptions = () =>
  queryOptions({ queryKey: ['integrations', 'report'], queryFn: getIntegrationReport });

export function useIntegrationReport() {
  return useQuery(getIntegrationReportQueryOptions());
}
