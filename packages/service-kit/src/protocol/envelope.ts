/** Builds one signed delivery: the body, and the headers that go with it. Pure but for `now`. */
import type { ServiceEvent } from './events.ts';
import { signatureHeader } from './signature.ts';
import { HEADERS, PROTOCOL_VERSION } from './version.ts';

export interface SignedDelivery {
  headers: Record<string, string>;
  body: string;
}

export function signDelivery(
  event: ServiceEvent,
  secret: string,
  unixSeconds: number,
): SignedDelivery {
  const body = JSON.stringify(event);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [HEADERS.protocol]: String(PROTOCOL_VERSION),
      [HEADERS.event]: event.event,
      [HEADERS.delivery]: event.delivery_id,
      [HEADERS.signature]: signatureHeader(secret, body, unixSeconds),
    },
  };
}
