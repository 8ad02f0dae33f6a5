import type { Integration } from '@tandem/contracts';
import { useSystemName } from '@/api/connectors/get-connectors';
import { ClientCertificateDialog } from '@/components/client-certificate-dialog';
import { useSetClientCertificate } from '../api/set-client-certificate';

/**
 * Mutual TLS: a private key and certificate Tandem presents on every request to the remote, in
 * addition to its normal access. Only useful when the remote server checks it (usually on-premises).
 */
export function IntegrationCertificateDialog({
  open,
  onClose,
  workspaceId,
  integration,
}: {
  open: boolean;
  onClose: () => void;
  workspaceId: string;
  integration: Integration;
}) {
  const save = useSetClientCertificate(workspaceId, integration.id);
  const system = useSystemName()(integration.system);
  return (
    <ClientCertificateDialog
      open={open}
      onClose={onClose}
      save={save}
      hasCertificate={integration.hasClientCertificate}
      description={
        integration.hasClientCertificate
          ? 'A certificate is set. Paste a new pair to replace it.'
          : `For ${system} servers that check a client certificate (mutual TLS). It is used in addition to the connection, not instead of it.`
      }
      idPrefix="client"
    >
      <p className="text-[13px] text-zinc-600">
        We recommend a key and certificate made only for this integration. Both are stored encrypted
        and never shown again.
      </p>
    </ClientCertificateDialog>
  );
}
