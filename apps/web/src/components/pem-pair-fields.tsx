import { Field, fieldControlProps } from '@/components/ui/field';

const textareaClass =
  'block h-28 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs shadow-xs focus:border-accent-500 focus:ring-3 focus:ring-accent-500/20 focus:outline-none aria-[invalid=true]:border-red-400';

/** The private key and certificate of a client certificate (mTLS), pasted as PEM. */
export function PemPairFields({
  idPrefix,
  privateKeyPem,
  certificatePem,
  onPrivateKeyChange,
  onCertificateChange,
  keyError,
  certError,
}: {
  idPrefix: string;
  privateKeyPem: string;
  certificatePem: string;
  onPrivateKeyChange: (value: string) => void;
  onCertificateChange: (value: string) => void;
  keyError: string | undefined;
  certError: string | undefined;
}) {
  const keyId = `${idPrefix}-private-key`;
  const certId = `${idPrefix}-certificate`;
  return (
    <>
      <Field id={keyId} label="Private key (PEM)" error={keyError}>
        <textarea
          {...fieldControlProps(keyId, keyError)}
          className={textareaClass}
          placeholder="-----BEGIN PRIVATE KEY-----"
          spellCheck={false}
          value={privateKeyPem}
          onChange={(e) => onPrivateKeyChange(e.target.value)}
        />
      </Field>
      <Field id={certId} label="Certificate (PEM)" error={certError}>
        <textarea
          {...fieldControlProps(certId, certError)}
          className={textareaClass}
          placeholder="-----BEGIN CERTIFICATE-----"
          spellCheck={false}
          value={certificatePem}
          onChange={(e) => onCertificateChange(e.target.value)}
        />
      </Field>
    </>
  );
}
