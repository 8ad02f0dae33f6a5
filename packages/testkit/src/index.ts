export { azureDevOpsTwoWayMappings } from './azure-devops-mappings.ts';
export { RALLY_TEST_MAPPINGS, rallyTwoWayMappings, type StatusIdOf } from './rally-mappings.ts';
