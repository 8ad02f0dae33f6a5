import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { isApiError } from '@/lib/api-client';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { useSetApiKey } from './api/set-api-key';

/** The alternative to signing in: a Rally API key (Rally → your profile → API Keys). */
export function ApiKeyDisclosure() {
  const { workspace, integration } = useWizardIntegration();
  const [apiKey, setApiKey] = useState('');
  const mutation = useSetApiKey(workspace.id, integration.id);
  const error = isApiError(mutation.error)
    ? (mutation.error.fieldError('apiKey') ?? mutation.error.message)
    : undefined;
  return (
    <details className="rounded-lg border border-zinc-200 px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium text-zinc-800">Use an API key instead</summary>
      <div className="mt-3 space-y-3">
        <p className="text-[13px] text-zinc-600">
          If your Rally site does not allow signing in from other tools, create an API key in Rally
          (your profile → API Keys) with full access and paste it here. Tandem tries it before
          saving it.
        </p>
        <Field id="rally-api-key" label="Rally API key" error={error}>
          <Input
            {...fieldControlProps('rally-api-key', error)}
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </Field>
        <Button
          loading={mutation.isPending}
          disabled={apiKey.trim().length === 0}
          onClick={() => mutation.mutate(apiKey.trim(), { onSuccess: () => setApiKey('') })}
        >
          Connect with API key
        </Button>
      </div>
    </details>
  );
}
