import type { IntegrationTemplate } from '@tandem/contracts';
import { useState } from 'react';
import { PemPairFields } from '@/components/pem-pair-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';
import { useSetTemplateCertificate } from '../api/set-template-certificate';

/** The client certificate (mTLS) of a template: set once, used by all its integrations. */
export function TemplateCertificateDialog({
  template,
  onClose,
}: {
  template: IntegrationTemplate;
  onClose: () => void;
}) {
  const [privateKeyPem, setKey] = useState('');
  const [certificatePem, setCert] = useState('');
  const mutation = useSetTemplateCertificate(template.id);
  const error = mutation.error;
  const keyError = isApiError(error) ? error.fieldError('privateKeyPem') : undefined;
  const certError = isApiError(error) ? error.fieldError('certificatePem') : undefined;
  const done = (what: string) => ({
    onSuccess: () => {
      toast(what, { tone: 'success' });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title="Set client certificate"
      description={`For ${template.name}: every integration made from this template presents it to Rally (mutual TLS), in addition to its connection.`}
      footer={
        <>
          {template.hasClientCertificate ? (
            <Button
              variant="ghost"
              className="mr-auto text-red-700"
              onClick={() => mutation.mutate(null, done('Client certificate removed'))}
            >
              Remove certificate
            </Button>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            loading={mutation.isPending}
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
        <PemPairFields
          idPrefix="template"
          privateKeyPem={privateKeyPem}
          certificatePem={certificatePem}
          onPrivateKeyChange={setKey}
          onCertificateChange={setCert}
          keyError={keyError}
          certError={certError}
        />
        {error && !keyError && !certError ? <Alert>{error.message}</Alert> : null}
      </div>
    </Dialog>
  );
}
