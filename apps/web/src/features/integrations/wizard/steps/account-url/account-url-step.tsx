import { Lock } from 'lucide-react';
import { AccountUrlField } from '@/components/rally/account-url-field';
import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-client';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizardIntegration } from '../../hooks/wizard-context';

/** Step 2: the address of the Rally site; fixed for good once anything has been synced. */
export function AccountUrlStep() {
  const { integration } = useWizardIntegration();
  const [url, setUrl] = useStepDraft('account:url', () => integration.settings.accountUrl ?? '');
  const { save, saving, error } = useSaveStep('account');
  const locked = integration.accountLocked;
  const fieldError = isApiError(error) ? error.fieldError('settings.accountUrl') : undefined;
  const empty = url.trim() === '';
  // Credentials are bound to the address they were granted for: a new address drops them.
  const dropsConnection =
    !locked &&
    !empty &&
    integration.connection !== null &&
    !integration.connection.fromTemplate &&
    url.trim() !== (integration.settings.accountUrl ?? '');

  const submit = () => {
    if (locked || url.trim() === integration.settings.accountUrl) {
      // Nothing to change: the saved address stays, only the step moves on.
      void save({}).catch(() => null);
      return;
    }
    void save({ settings: { accountUrl: url.trim() } }).catch(() => null);
  };

  return (
    <StepFrame
      step="account"
      title="Which Rally site does your team use?"
      intro={
        <p>
          Paste the address you open Rally with in your browser, for example{' '}
          <code className="rounded bg-zinc-100 px-1">https://rally1.rallydev.com</code>. Tandem
          checks it and tidies it up. Choose carefully: once this integration has sent or received
          anything, the address can no longer change.
        </p>
      }
      onSubmit={submit}
      submitting={saving}
      canSubmit={locked || !empty}
      error={fieldError ? null : error}
      aside={
        dropsConnection ? (
          <Alert tone="warning">
            Tandem is connected to {integration.settings.accountUrl} now. Saving a different address
            removes that connection: its credentials only ever go to the site they were given for.
            You connect again on the next step.
          </Alert>
        ) : integration.templateId && !locked ? (
          <Alert tone="info">This address comes from the integration's template.</Alert>
        ) : null
      }
    >
      <AccountUrlField
        id="account-url"
        value={url}
        onChange={setUrl}
        error={fieldError}
        disabled={locked}
        {...(locked ? { describedBy: 'account-url-locked' } : {})}
      />
      {locked ? (
        <p id="account-url-locked" className="flex items-start gap-2 text-[13px] text-zinc-600">
          <Lock className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
          This address is locked because the integration has already sent or received records.
          Linked records point at this Rally site, so changing it would break their links. To use
          another site, create a new integration.
        </p>
      ) : null}
    </StepFrame>
  );
}
