export { describeEachDialect } from './each-dialect.ts';
export {
  openTestDatabase,
  probePostgres,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from './test-database.ts';
