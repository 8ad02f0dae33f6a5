export { RALLY_TEST_MAPPINGS, rallyTwoWayMappings, type StatusIdOf } from './rally-mappings.ts';
