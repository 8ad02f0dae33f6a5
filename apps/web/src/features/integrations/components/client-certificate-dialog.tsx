import type { Integration } from '@tandem/contracts';
import { useState } from 'react';
import { PemPairFields } from '@/components/pem-pair-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';
import { useSetClientCertificate } from '../api/set-client-certificate';

/**
 * Mutual TLS: a private key and certificate Tandem presents on every request to Rally, in
 * addition to its normal access. Only useful when the Rally server checks it (usually on-premises).
 */
export function ClientCertificateDialog({
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
  const [privateKeyPem, setKey] = useState('');
  const [certificatePem, setCert] = useState('');
  const mutation = useSetClientCertificate(workspaceId, integration.id);
  const error = mutation.error;
  const keyError = isApiError(error) ? error.fieldError('privateKeyPem') : undefined;
  const certError = isApiError(error) ? error.fieldError('certificatePem') : undefined;
  const general = error && !keyError && !certError ? error.message : null;
  const close = () => {
    setKey('');
    setCert('');
    mutation.reset();
    onClose();
  };
  const done = (what: string) => ({
    onSuccess: () => {
      toast(what, { tone: 'success' });
      close();
    },
  });

  return (
    <Dialog
      className="text-left"
      open={open}
      onClose={close}
      title="Set client certificate"
      description={
        integration.hasClientCertificate
          ? 'A certificate is set. Paste a new pair to replace it.'
          : 'For Rally servers that check a client certificate (mutual TLS). It is used in addition to the connection, not instead of it.'
      }
      footer={
        <>
          {integration.hasClientCertificate ? (
            <Button
              variant="ghost"
              className="mr-auto text-red-700"
              loading={mutation.isPending && !privateKeyPem}
              onClick={() => mutation.mutate(null, done('Client certificate removed'))}
            >
              Remove certificate
            </Button>
          ) : null}
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            loading={mutation.isPending && Boolean(privateKeyPem)}
            disabled={!privateKeyPem.trim() || !certificatePem.trim()}
            onClick={() =>
              mutation.mutate({ privateKeyPem, certificatePem }, done('Client certificate saved'))
            }
          >
            Save
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <p className="text-[13px] text-zinc-600">
          We recommend a key and certificate made only for this integration. Both are stored
          encrypted and never shown again.
        </p>
        <PemPairFields
          idPrefix="client"
          privateKeyPem={privateKeyPem}
          certificatePem={certificatePem}
          onPrivateKeyChange={setKey}
          onCertificateChange={setCert}
          keyError={keyError}
          certError={certError}
        />
        {general ? <Alert>{general}</Alert> : null}
      </div>
    </Dialog>
  );
}
