export { type FixtureEventOptions, fixtureEvent, fixturePayload } from './fixtures.ts';
export { describeServiceProtocol, type ProtocolChecksOptions } from './protocol-checks.ts';
export { type SentEvent, sendEvent } from './send-event.ts';
