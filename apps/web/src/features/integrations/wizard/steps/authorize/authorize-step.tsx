import { ExternalLink } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { ConnectionStatus } from '@/components/connectors/connection-status';
import { oauthErrorMessage } from '@/components/connectors/oauth-outcome';
import { RichText } from '@/components/connectors/rich-text';
import { SecretDisclosure } from '@/components/connectors/secret-disclosure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { useSetApiKey } from './api/set-api-key';
import { useStartOauth } from './api/start-oauth';

/**
 * Connecting Tandem to the remote account in the ways the connector offers: the system's own
 * sign-in page (OAuth), a pasted key or token that Tandem tries before keeping, or both.
 */
export function AuthorizeStep() {
  const { workspace, integration, presentation } = useWizardIntegration();
  const words = presentation.authorize;
  const [params] = useSearchParams();
  const start = useStartOauth(workspace.id, integration.id);
  const apiKey = useSetApiKey(workspace.id, integration.id);
  const { save, saving, error } = useSaveStep('authorize');
  const connection = integration.connection;
  const failure = oauthErrorMessage(params.get('error'), words.oauth);
  const keyError = isApiError(apiKey.error)
    ? (apiKey.error.fieldError('apiKey') ?? apiKey.error.message)
    : undefined;

  return (
    <StepFrame
      step="authorize"
      title={words.heading}
      intro={
        <p>
          <RichText
            text={words.intro}
            slots={{ account: integration.settings.accountUrl ?? words.accountFallback }}
          />
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
          words={words.connection}
          note={
            connection.fromTemplate
              ? 'This connection comes from the integration’s template: connecting again here gives this integration a connection of its own.'
              : undefined
          }
        />
      ) : (
        <p className="text-sm text-zinc-600">Not connected yet.</p>
      )}
      {words.oauth ? (
        <Button
          variant={connection && !connection.needsReauthorization ? 'secondary' : 'primary'}
          size="lg"
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          <ExternalLink className="size-4" aria-hidden="true" />
          {!connection
            ? words.oauth.button
            : connection.needsReauthorization
              ? 'Re-authorize'
              : 'Connect again'}
        </Button>
      ) : null}
      {words.secret ? (
        <SecretDisclosure
          idPrefix={presentation.system}
          words={words.secret}
          open={!words.oauth}
          onConnect={(key) => apiKey.mutateAsync(key)}
          pending={apiKey.isPending}
          error={keyError}
        />
      ) : null}
    </StepFrame>
  );
}
