import type { ConnectorPresentation } from '@tandem/contracts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type SecretWords = NonNullable<ConnectorPresentation['authorize']['secret']>;

/**
 * An API key or personal access token, in the system's words: behind a disclosure when the
 * system also offers a sign-in page, open when it is the only way in.
 */
export function SecretDisclosure({
  idPrefix,
  words,
  open = false,
  onConnect,
  pending,
  error,
}: {
  idPrefix: string;
  words: SecretWords;
  /** Shown without the disclosure (the system has no sign-in page). */
  open?: boolean;
  /** Resolves once the secret is stored (it is cleared then). */
  onConnect: (secret: string) => Promise<unknown>;
  pending: boolean;
  error: string | undefined;
}) {
  const [secret, setSecret] = useState('');
  const id = `${idPrefix}-${words.kind === 'pat' ? 'token' : 'api-key'}`;
  const body = (
    <div className={open ? 'space-y-3' : 'mt-3 space-y-3'}>
      <p className="text-[13px] text-zinc-600">{words.help}</p>
      <Field id={id} label={words.label} error={error}>
        <Input
          {...fieldControlProps(id, error)}
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </Field>
      <Button
        loading={pending}
        disabled={secret.trim().length === 0}
        onClick={() =>
          onConnect(secret.trim())
            .then(() => setSecret(''))
            .catch(() => null)
        }
      >
        {words.button}
      </Button>
    </div>
  );
  if (open) return body;
  return (
    <details className="rounded-lg border border-zinc-200 px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium text-zinc-800">{words.summary}</summary>
      {body}
    </details>
  );
}
