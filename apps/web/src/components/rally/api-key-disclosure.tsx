import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** The alternative to signing in: a Rally API key (Rally → your profile → API Keys). */
export function ApiKeyDisclosure({
  idPrefix,
  onConnect,
  pending,
  error,
}: {
  idPrefix: string;
  /** Resolves once the key is stored (it is cleared then). */
  onConnect: (apiKey: string) => Promise<unknown>;
  pending: boolean;
  error: string | undefined;
}) {
  const [apiKey, setApiKey] = useState('');
  const id = `${idPrefix}-api-key`;
  return (
    <details className="rounded-lg border border-zinc-200 px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium text-zinc-800">Use an API key instead</summary>
      <div className="mt-3 space-y-3">
        <p className="text-[13px] text-zinc-600">
          If your Rally site does not allow signing in from other tools, create an API key in Rally
          (your profile → API Keys) with full access and paste it here. Tandem tries it before
          saving it.
        </p>
        <Field id={id} label="Rally API key" error={error}>
          <Input
            {...fieldControlProps(id, error)}
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </Field>
        <Button
          loading={pending}
          disabled={apiKey.trim().length === 0}
          onClick={() =>
            onConnect(apiKey.trim())
              .then(() => setApiKey(''))
              .catch(() => null)
          }
        >
          Connect with API key
        </Button>
      </div>
    </details>
  );
}
