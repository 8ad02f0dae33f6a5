import type { IntegrationTemplate } from '@tandem/contracts';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, fieldControlProps } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';
import { useSetTemplateCertificate } from '../api/set-template-certificate';

const textareaClass =
  'block h-28 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs shadow-xs focus:border-accent-500 focus:ring-3 focus:ring-accent-500/20 focus:outline-none aria-[invalid=true]:border-red-400';

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
        <Field id="template-private-key" label="Private key (PEM)" error={keyError}>
          <textarea
            {...fieldControlProps('template-private-key', keyError)}
            className={textareaClass}
            placeholder="-----BEGIN PRIVATE KEY-----"
            spellCheck={false}
            value={privateKeyPem}
            onChange={(e) => setKey(e.target.value)}
          />
        </Field>
        <Field id="template-certificate" label="Certificate (PEM)" error={certError}>
          <textarea
            {...fieldControlProps('template-certificate', certError)}
            className={textareaClass}
            placeholder="-----BEGIN CERTIFICATE-----"
            spellCheck={false}
            value={certificatePem}
            onChange={(e) => setCert(e.target.value)}
          />
        </Field>
        {error && !keyError && !certError ? <Alert>{error.message}</Alert> : null}
      </div>
    </Dialog>
  );
}
