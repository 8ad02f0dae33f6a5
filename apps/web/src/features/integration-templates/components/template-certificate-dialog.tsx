import type { IntegrationTemplate } from '@tandem/contracts';
import { useSystemName } from '@/api/connectors/get-connectors';
import { ClientCertificateDialog } from '@/components/client-certificate-dialog';
import { useSetTemplateCertificate } from '../api/set-template-certificate';

/** The client certificate (mTLS) of a template: set once, used by all its integrations. */
export function TemplateCertificateDialog({
  template,
  onClose,
}: {
  template: IntegrationTemplate;
  onClose: () => void;
}) {
  const save = useSetTemplateCertificate(template.id);
  const system = useSystemName()(template.system);
  return (
    <ClientCertificateDialog
      onClose={onClose}
      save={save}
      hasCertificate={template.hasClientCertificate}
      description={`For ${template.name}: every integration made from this template presents it to ${system} (mutual TLS), in addition to its connection.`}
      idPrefix="template"
    />
  );
}
