import type { Integration } from '@tandem/contracts';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, fieldControlProps } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';
import { useSetClientCertificate } from '../api/set-client-certificate';

const textareaClass =
  'block h-28 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs shadow-xs focus:border-accent-500 focus:ring-3 focus:ring-accent-500/20 focus:outline-none aria-[invalid=true]:border-red-400';

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
        <Field id="client-private-key" label="Private key (PEM)" error={keyError}>
          <textarea
            {...fieldControlProps('client-private-key', keyError)}
            className={textareaClass}
            placeholder="-----BEGIN PRIVATE KEY-----"
            spellCheck={false}
            value={privateKeyPem}
            onChange={(e) => setKey(e.target.value)}
          />
        </Field>
        <Field id="client-certificate" label="Certificate (PEM)" error={certError}>
          <textarea
            {...fieldControlProps('client-certificate', certError)}
            className={textareaClass}
            placeholder="-----BEGIN CERTIFICATE-----"
            spellCheck={false}
            value={certificatePem}
            onChange={(e) => setCert(e.target.value)}
          />
        </Field>
        {general ? <Alert>{general}</Alert> : null}
      </div>
    </Dialog>
  );
}
