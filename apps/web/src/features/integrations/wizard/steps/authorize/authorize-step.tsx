import { ExternalLink } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { ApiKeyDisclosure } from '@/components/rally/api-key-disclosure';
import { ConnectionStatus } from '@/components/rally/connection-status';
import { oauthErrorMessage } from '@/components/rally/oauth-outcome';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { useSetApiKey } from './api/set-api-key';
import { useStartOauth } from './api/start-oauth';

/** Step 3: Rally's own sign-in page asks whether Tandem may work there on the owner's behalf. */
export function AuthorizeStep() {
  const { workspace, integration } = useWizardIntegration();
  const [params] = useSearchParams();
  const start = useStartOauth(workspace.id, integration.id);
  const apiKey = useSetApiKey(workspace.id, integration.id);
  const { save, saving, error } = useSaveStep('authorize');
  const connection = integration.connection;
  const failure = oauthErrorMessage(params.get('error'));
  const keyError = isApiError(apiKey.error)
    ? (apiKey.error.fieldError('apiKey') ?? apiKey.error.message)
    : undefined;

  return (
    <StepFrame
      step="authorize"
      title="Connect Tandem to Rally"
      intro={
        <p>
          Tandem creates and updates records in Rally as you. Pressing the button opens Rally’s
          sign-in page at <strong>{integration.settings.accountUrl ?? 'your Rally site'}</strong>.
          Sign in there and allow access. If you are already signed in to Rally in this browser, you
          come straight back. Tandem stores the access it gets encrypted and renews it
          automatically.
        </p>
      }
      onSubmit={() => void save({}).catch(() => null)}
      submitting={saving}
      canSubmit={connection !== null}
      error={error ?? start.error}
    >
      {failure ? <Alert title={failure.title}>{failure.text}</Alert> : null}
      {connection ? (
        <ConnectionStatus
          connection={connection}
          note={
            connection.fromTemplate
              ? 'This connection comes from the integration’s template: connecting again here gives this integration a connection of its own.'
              : undefined
          }
        />
      ) : (
        <p className="text-sm text-zinc-600">Not connected yet.</p>
      )}
      <Button
        variant={connection && !connection.needsReauthorization ? 'secondary' : 'primary'}
        size="lg"
        loading={start.isPending}
        onClick={() => start.mutate()}
      >
        <ExternalLink className="size-4" aria-hidden="true" />
        {!connection
          ? 'Connect to Rally'
          : connection.needsReauthorization
            ? 'Re-authorize'
            : 'Connect again'}
      </Button>
      <ApiKeyDisclosure
        idPrefix="rally"
        onConnect={(key) => apiKey.mutateAsync(key)}
        pending={apiKey.isPending}
        error={keyError}
      />
    </StepFrame>
  );
}
