export {
  type AddressClass,
  type AddressPolicy,
  blockedIPv4,
  blockedIPv6,
  checkHost,
  classifyAddress,
  type HostCheck,
  type HostResolver,
  isPrivateAddress,
  metadataAddresses,
  PRIVATE_ADDRESS_CODE,
  PrivateAddressError,
  type ResolvedAddress,
} from './address-policy.ts';
export { fullJitterDelay, parseRetryAfter } from './backoff.ts';
export { systemClock } from './clock.ts';
export {
  accountKey,
  type BudgetStats,
  type ConcurrencyBudget,
  createLocalBudget,
  type Lease,
  type LocalConcurrencyBudget,
  principalFromSecret,
  processBudget,
} from './concurrency.ts';
export { isSecretName, REDACTED, Redactor } from './redact.ts';
export {
  type AccountTransportOptions,
  createAccountTransport,
  createTransport,
} from './transport.ts';
export type {
  ClientCertificate,
  Clock,
  HttpMethod,
  RequestLogEntry,
  RetryPolicy,
  Transport,
  TransportOptions,
  TransportRequest,
  TransportResponse,
  TransportTimeouts,
} from './types.ts';
