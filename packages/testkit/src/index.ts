export { RALLY_TEST_MAPPINGS } from './rally-mappings.ts';
