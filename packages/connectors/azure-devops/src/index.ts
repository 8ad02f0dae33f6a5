export { allowedHosts, manifest } from '../manifest.ts';
export { maxAttachmentBytes } from './attachments.ts';
export { azureDevOpsConnector } from './connector.ts';
export { backlogTypes, defaultRecordMappings, processOf } from './default-mappings.ts';
export {
  type AzureDevOpsConfig,
  type AzureDevOpsConfigInput,
  azureDevOpsConfigSchema,
  normalizeOrganizationUrl,
} from './spec.ts';
