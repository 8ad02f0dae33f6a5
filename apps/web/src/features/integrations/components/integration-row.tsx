import type { Integration } from '@tandem/contracts';
import { Link } from 'react-router';
import { useSystemName } from '@/api/connectors/get-connectors';
import { paths } from '@/config/paths';
import { formatWhen } from '../utils/integration-state';
import { MoreOptionsMenu } from './more-options-menu';
import { StateBadge } from './state-badge';

export function IntegrationRow({
  workspace,
  integration,
}: {
  workspace: { id: string; key: string };
  integration: Integration;
}) {
  const project = integration.settings.remoteProject?.name;
  const system = useSystemName()(integration.system);
  return (
    <tr>
      <td className="py-3 pr-3">
        <Link
          to={paths.workspace.integration.getHref(workspace.key, integration.id)}
          className="font-medium text-zinc-900 hover:text-accent-700 hover:underline"
        >
          {integration.name}
        </Link>
        <p className="text-[13px] text-zinc-500">
          {project ? `Project ${project}` : `No ${system} project chosen yet`}
        </p>
      </td>
      <td className="py-3 pr-3 text-zinc-700">{system}</td>
      <td className="py-3 pr-3">
        <StateBadge state={integration.state} />
      </td>
      <td className="py-3 pr-3 text-zinc-600">{formatWhen(integration.lastSyncAt)}</td>
      <td className="py-3 text-right">
        <MoreOptionsMenu workspace={workspace} integration={integration} />
      </td>
    </tr>
  );
}
