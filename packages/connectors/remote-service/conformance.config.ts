/** Which conformance suites apply to a remote service, and the records they send. */
import type { ConformanceConfig } from '@tandem/connector-kit/conformance';

export const conformanceConfig: ConformanceConfig = {
  strict: true,
  suites: {
    connection: {
      skip: "presentation.system must be one of the contracts' integrationSystemSchema (rally, azure_devops), which has no remote_service yet; checkConnection (installed) and a refused secret are tested in test/connection.installed.test.ts",
    },
    discovery: 'run',
    records: 'run',
    idempotentCreate: 'run',
    children: {
      skip: 'a requirement exists only inside its feature in the protocol (create_feature / update_feature carry requirements), so a requirement cannot be created without a parent and linked later; creating one under its feature is tested in test/records.requirements.test.ts',
    },
    attachments: {
      skip: 'the protocol carries attachments as download URLs inside the record (description.attachments); there is no upload event',
    },
    webhooks: {
      skip: "the remote system posts to Tandem's URL for the integration and Tandem forwards the body to the service as the webhook event (forwardWebhook, tested in test/webhooks.forward.test.ts); the suite's registration on a simulator does not apply",
    },
    changesSince: {
      skip: 'services push changes through the webhook event; the protocol has nothing to poll',
    },
    errors: 'run',
  },
  fixture: {
    scope: { workspaceId: 'tracker', projectId: 'records' },
    recordType: 'feature',
    titleField: 'name',
    newFields: (seed) => ({
      name: `Feature ${seed}`,
      description: `<p>Made by <strong>conformance</strong> ${seed}</p>`,
      workflow_status: 'To do',
    }),
    changedFields: (seed) => ({ name: `Renamed ${seed}`, workflow_status: 'In progress' }),
    invalidFields: { description: '<p>No name</p>' },
    missingId: '999999999',
  },
};
