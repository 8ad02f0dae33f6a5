import type { ConnectorPresentation, IntegrationTemplate } from '@tandem/contracts';
import { CircleCheck, ExternalLink } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useConnectorPresentation } from '@/api/connectors/get-connectors';
import { AccountUrlField } from '@/components/connectors/account-url-field';
import { ConnectionStatus } from '@/components/connectors/connection-status';
import { oauthErrorMessage } from '@/components/connectors/oauth-outcome';
import { SecretDisclosure } from '@/components/connectors/secret-disclosure';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-client';
import { useSetTemplateApiKey } from '../api/set-template-api-key';
import { useStartTemplateOauth } from '../api/start-template-oauth';
import { useUpdateTemplate } from '../api/update-template';

function StepHeading({ n, children }: { n: number; children: string }) {
  return (
    <h3 className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
      <span
        aria-hidden="true"
        className="inline-flex size-5 items-center justify-center rounded-full bg-accent-50 text-[11px] text-accent-700 ring-1 ring-accent-200"
      >
        {n}
      </span>
      {children}
    </h3>
  );
}

/**
 * *Authorize*: the template's account address, then a connection of its own — the system's
 * sign-in (as in the wizard) or a key, in the connector's words. Integrations made from the
 * template connect with it.
 */
export function TemplateAuthorizeSection({
  template,
  workspaceId,
}: {
  template: IntegrationTemplate;
  workspaceId: string;
}) {
  const presentation = useConnectorPresentation(template.system);
  if (!presentation) return <Spinner label="Loading" />;
  return (
    <AuthorizeForm template={template} workspaceId={workspaceId} presentation={presentation} />
  );
}

function AuthorizeForm({
  template,
  workspaceId,
  presentation,
}: {
  template: IntegrationTemplate;
  workspaceId: string;
  presentation: ConnectorPresentation;
}) {
  const system = presentation.displayName;
  const words = presentation.authorize;
  const [params] = useSearchParams();
  const saved = template.settings.accountUrl ?? '';
  const [url, setUrl] = useState(saved);
  const update = useUpdateTemplate();
  const start = useStartTemplateOauth(template.id, workspaceId);
  const apiKey = useSetTemplateApiKey(template.id);
  const urlError = isApiError(update.error)
    ? (update.error.fieldError('settings.accountUrl') ?? update.error.message)
    : undefined;
  const keyError = isApiError(apiKey.error)
    ? (apiKey.error.fieldError('apiKey') ?? apiKey.error.message)
    : undefined;
  const connection = template.connection;
  const failure = oauthErrorMessage(params.get('error'), words.oauth);
  const justConnected = params.get('connected') === '1' && connection !== null;
  const changed = url.trim() !== saved;

  const saveUrl = (event: FormEvent) => {
    event.preventDefault();
    if (!changed || url.trim() === '') return;
    update.mutate(
      { template, change: { settings: { accountUrl: url.trim() } } },
      { onSuccess: (next) => setUrl(next.settings.accountUrl ?? '') },
    );
  };

  return (
    <section
      aria-labelledby="template-authorize-title"
      className="space-y-5 rounded-xl border border-zinc-200 bg-white px-5 py-5"
    >
      <header className="space-y-1">
        <h2 id="template-authorize-title" className="text-base font-semibold text-zinc-900">
          Authorize
        </h2>
        <p className="text-sm text-zinc-600">
          {`Connect the template to ${system} once; every integration made from it works in ${system} with this connection, unless it has one of its own.`}
        </p>
      </header>
      {failure ? <Alert title={failure.title}>{failure.text}</Alert> : null}

      <form onSubmit={saveUrl} noValidate className="space-y-3">
        <StepHeading n={1}>{`${system} account`}</StepHeading>
        <AccountUrlField
          id="template-account-url"
          words={
            // The general hint ("Starts with https://") would contradict an address the server
            // accepted without it (a local server): under that address, say what it is instead.
            url.trim() !== '' && url.trim() === saved && !saved.startsWith('https://')
              ? {
                  ...presentation.account,
                  hint: 'This address does not use https://, which only a server on your own network may do.',
                }
              : presentation.account
          }
          value={url}
          onChange={setUrl}
          error={urlError}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" loading={update.isPending} disabled={!changed || url.trim() === ''}>
            Save address
          </Button>
          {saved && !changed ? (
            <p className="flex items-center gap-1.5 text-[13px] text-zinc-600">
              <CircleCheck className="size-3.5 text-emerald-600" aria-hidden="true" />
              Saved as {saved}
            </p>
          ) : null}
        </div>
      </form>

      <div className="space-y-3">
        <StepHeading n={2}>Connect</StepHeading>
        {connection ? (
          <ConnectionStatus
            connection={connection}
            words={words.connection}
            note={
              justConnected
                ? 'Just connected: integrations made from this template now use this connection.'
                : undefined
            }
          />
        ) : (
          <p className="text-sm text-zinc-600">
            {`Not connected yet. Pressing the button opens ${system}’s sign-in page`}
            {saved ? (
              <>
                {' '}
                at <strong>{saved}</strong>
              </>
            ) : null}
            ; sign in there and allow access, and you come back here.
          </p>
        )}
        {start.error ? <Alert>{start.error.message}</Alert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant={connection && !connection.needsReauthorization ? 'secondary' : 'primary'}
            size="lg"
            loading={start.isPending}
            disabled={!saved}
            aria-describedby={saved ? undefined : 'template-connect-needs-url'}
            onClick={() => start.mutate()}
          >
            <ExternalLink className="size-4" aria-hidden="true" />
            {!connection
              ? `Connect with ${system}`
              : connection.needsReauthorization
                ? 'Re-authorize'
                : 'Connect again'}
          </Button>
          {saved ? null : (
            <p id="template-connect-needs-url" className="text-[13px] text-zinc-500">
              {`Save the ${presentation.account.label} first.`}
            </p>
          )}
        </div>
        {saved && words.secret ? (
          <SecretDisclosure
            idPrefix="template"
            words={words.secret}
            onConnect={(key) => apiKey.mutateAsync(key)}
            pending={apiKey.isPending}
            error={keyError}
          />
        ) : null}
      </div>
    </section>
  );
}
