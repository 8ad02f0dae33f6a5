import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { PemPairFields } from '@/components/pem-pair-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';

export interface PemPair {
  privateKeyPem: string;
  certificatePem: string;
}

/** Saves a pair, or removes the stored one when given `null`. */
export type SaveClientCertificate = UseMutationResult<unknown, Error, PemPair | null>;

/**
 * A client certificate (mutual TLS) pasted as a PEM key and certificate, saved or removed through
 * `save`. The server checks the pair; its answer about either field is shown at that field. The
 * caller says whose certificate it is (`description`, `children`) and where it goes (`save`).
 */
export function ClientCertificateDialog({
  open = true,
  onClose,
  save,
  hasCertificate,
  description,
  idPrefix,
  children,
}: {
  open?: boolean;
  onClose: () => void;
  save: SaveClientCertificate;
  hasCertificate: boolean;
  description: string;
  /** Tells PEM fields of two dialogs on one page apart. */
  idPrefix: string;
  /** Shown above the fields. */
  children?: ReactNode;
}) {
  const [privateKeyPem, setKey] = useState('');
  const [certificatePem, setCert] = useState('');
  const error = save.error;
  const keyError = isApiError(error) ? error.fieldError('privateKeyPem') : undefined;
  const certError = isApiError(error) ? error.fieldError('certificatePem') : undefined;
  const general = error && !keyError && !certError ? error.message : null;
  const close = () => {
    setKey('');
    setCert('');
    save.reset();
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
      description={description}
      footer={
        <>
          {hasCertificate ? (
            <Button
              variant="ghost"
              className="mr-auto text-red-700"
              loading={save.isPending && !privateKeyPem}
              onClick={() => save.mutate(null, done('Client certificate removed'))}
            >
              Remove certificate
            </Button>
          ) : null}
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            loading={save.isPending && Boolean(privateKeyPem)}
            disabled={!privateKeyPem.trim() || !certificatePem.trim()}
            onClick={() =>
              save.mutate({ privateKeyPem, certificatePem }, done('Client certificate saved'))
            }
          >
            Save
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {children}
        <PemPairFields
          idPrefix={idPrefix}
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
