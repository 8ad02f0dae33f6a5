import { CircleCheck, ExternalLink } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { useStartOauth } from './api/start-oauth';
import { ApiKeyDisclosure } from './api-key-disclosure';
import { formatExpiry, oauthErrorMessage } from './utils/oauth-messages';

/** Step 3: Rally's own sign-in page asks whether Tandem may work there on the owner's behalf. */
export function AuthorizeStep() {
  const { workspace, integration } = useWizardIntegration();
  const [params] = useSearchParams();
  const start = useStartOauth(workspace.id, integration.id);
  const { save, saving, error } = useSaveStep('authorize');
  const connection = integration.connection;
  const failure = oauthErrorMessage(params.get('error'));

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
        <div
          role="status"
          className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CircleCheck className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden="true" />
          <div>
            <p className="font-medium">
              {`Connected to Rally as ${connection.connectedAs ?? 'a Rally user'}`}
            </p>
            <p className="text-[13px] text-emerald-800">
              {connection.kind === 'api_key'
                ? 'Using an API key. It works until someone revokes it in Rally.'
                : connection.expiresAt
                  ? `Access lasts until ${formatExpiry(connection.expiresAt)}; Tandem renews it while the integration is used, and warns you before it ends.`
                  : 'Tandem renews this access automatically.'}
            </p>
          </div>
        </div>
      ) : (
        <p className="text-sm text-zinc-600">Not connected yet.</p>
      )}
      <Button
        variant={connection ? 'secondary' : 'primary'}
        size="lg"
        loading={start.isPending}
        onClick={() => start.mutate()}
      >
        <ExternalLink className="size-4" aria-hidden="true" />
        {connection ? 'Connect again' : 'Connect to Rally'}
      </Button>
      <ApiKeyDisclosure />
    </StepFrame>
  );
}
