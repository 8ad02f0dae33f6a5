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
  return (
    <>
      <PemField
        id={`${idPrefix}-private-key`}
        label="Private key (PEM)"
        placeholder="-----BEGIN PRIVATE KEY-----"
        value={privateKeyPem}
        onChange={onPrivateKeyChange}
        error={keyError}
      />
      <PemField
        id={`${idPrefix}-certificate`}
        label="Certificate (PEM)"
        placeholder="-----BEGIN CERTIFICATE-----"
        value={certificatePem}
        onChange={onCertificateChange}
        error={certError}
      />
    </>
  );
}

function PemField({
  id,
  label,
  placeholder,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  // A bare textarea has no `invalid` prop (the Input component's); it says so through aria.
  const { invalid, ...control } = fieldControlProps(id, error);
  return (
    <Field id={id} label={label} error={error}>
      <textarea
        {...control}
        aria-invalid={invalid || undefined}
        className={textareaClass}
        placeholder={placeholder}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
