import { ArrowLeft, KeyRound } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSystemName } from '@/api/connectors/get-connectors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useTemplate } from '../api/get-template';
import { TemplateAuthorizeSection } from './template-authorize-section';
import { TemplateCertificateDialog } from './template-certificate-dialog';
import { TemplateConnectionBadge } from './template-connection-badge';

/** One template's page: its remote account and connection, and its client certificate. */
export function TemplatePage({
  workspace,
  templateId,
}: {
  workspace: { id: string; key: string; name: string };
  templateId: string;
}) {
  const query = useTemplate(templateId);
  const [certificateOpen, setCertificateOpen] = useState(false);
  const systemName = useSystemName();
  if (query.isPending) return <Spinner label="Loading the template" />;
  if (query.isError)
    return <Alert title="This template could not be opened">{query.error.message}</Alert>;
  const template = query.data;
  const used =
    template.usedBy === 0
      ? 'No integration uses this template yet.'
      : `${template.usedBy} ${template.usedBy === 1 ? 'integration uses' : 'integrations use'} this template; changes here reach ${template.usedBy === 1 ? 'it' : 'every one'}.`;
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-6 sm:px-8">
      <Link
        to={paths.workspace.integrationTemplates.getHref(workspace.key)}
        className="inline-flex items-center gap-1.5 text-[13px] text-zinc-500 hover:text-zinc-800"
      >
        <ArrowLeft className="size-3.5" aria-hidden="true" />
        Integration templates
      </Link>
      <header>
        <p className="mb-1 text-[13px] text-zinc-500">Integration template</p>
        <h1 className="flex flex-wrap items-center gap-3 text-xl font-semibold tracking-tight text-zinc-900">
          {template.name}
          <TemplateConnectionBadge template={template} />
        </h1>
        <p className="mt-1 text-sm text-zinc-500">{used}</p>
      </header>
      <TemplateAuthorizeSection template={template} workspaceId={workspace.id} />
      <section
        aria-labelledby="template-certificate-title"
        className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-zinc-200 bg-white px-5 py-4"
      >
        <div className="space-y-1">
          <h2 id="template-certificate-title" className="text-base font-semibold text-zinc-900">
            Client certificate
          </h2>
          <p className="text-sm text-zinc-600">
            {template.hasClientCertificate
              ? `Set: integrations made from this template present it to ${systemName(template.system)} (mutual TLS), in addition to the connection.`
              : `Not set. Only needed when your ${systemName(template.system)} server checks client certificates (mutual TLS).`}
          </p>
        </div>
        <Button onClick={() => setCertificateOpen(true)}>
          <KeyRound className="size-3.5" aria-hidden="true" />
          {template.hasClientCertificate ? 'Change certificate' : 'Set client certificate'}
        </Button>
      </section>
      {certificateOpen ? (
        <TemplateCertificateDialog template={template} onClose={() => setCertificateOpen(false)} />
      ) : null}
    </div>
  );
}
