import type { IntegrationTemplate } from '@tandem/contracts';
import { KeyRound, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSystemName } from '@/api/connectors/get-connectors';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useDeleteTemplate } from '../api/delete-template';
import { TemplateCertificateDialog } from './template-certificate-dialog';
import { TemplateConnectionBadge } from './template-connection-badge';

export function TemplateRow({
  template,
  workspaceKey,
  onEdit,
}: {
  template: IntegrationTemplate;
  workspaceKey: string;
  onEdit: () => void;
}) {
  const remove = useDeleteTemplate();
  const [certificateOpen, setCertificateOpen] = useState(false);
  const s = template.settings;
  const systemName = useSystemName();
  return (
    <li className="flex flex-wrap items-center gap-4 px-4 py-3">
      <div className="min-w-0 flex-1">
        <Link
          to={paths.workspace.integrationTemplate.getHref(workspaceKey, template.id)}
          className="font-medium text-zinc-900 hover:text-accent-700 hover:underline"
        >
          {template.name}
        </Link>
        <p className="text-[13px] text-zinc-500">
          {[
            s.accountUrl ?? `No ${systemName(template.system)} address`,
            s.remoteProject ? `project ${s.remoteProject.name}` : null,
            `${s.recordMappings?.length ?? 0} record mappings`,
            template.usedBy === 1
              ? 'used by 1 integration'
              : `used by ${template.usedBy} integrations`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <TemplateConnectionBadge template={template} />
      <Badge tone={template.hasClientCertificate ? 'accent' : 'neutral'}>
        {template.hasClientCertificate ? 'Client certificate' : 'No certificate'}
      </Badge>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setCertificateOpen(true)}
        aria-label={`Set client certificate of ${template.name}`}
      >
        <KeyRound className="size-3.5" aria-hidden="true" />
        Certificate
      </Button>
      <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${template.name}`}>
        <Pencil className="size-3.5" aria-hidden="true" />
        Edit
      </Button>
      <Button
        size="icon"
        variant="ghost"
        aria-label={`Delete ${template.name}`}
        disabled={template.usedBy > 0}
        title={template.usedBy > 0 ? 'Integrations still use this template' : undefined}
        onClick={() =>
          remove.mutate(template.id, {
            onSuccess: () => toast(`${template.name} deleted`, { tone: 'success' }),
            onError: (e) =>
              toast('Could not delete the template', { tone: 'error', description: e.message }),
          })
        }
      >
        <Trash2 className="size-3.5" aria-hidden="true" />
      </Button>
      {certificateOpen ? (
        <TemplateCertificateDialog template={template} onClose={() => setCertificateOpen(false)} />
      ) : null}
    </li>
  );
}
