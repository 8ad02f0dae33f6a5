/** Sends one signed event to a running service over HTTP and reads its answer as it came. */
import { type ServiceEvent, signDelivery } from '../protocol/index.ts';

export interface SentEvent {
  status: number;
  /** The parsed body, or the raw text when it is not JSON. */
  body: unknown;
}

export async function sendEvent(
  url: string,
  event: ServiceEvent,
  secret: string,
  options: {
    unixSeconds?: number;
    tamper?: (d: { headers: Record<string, string>; body: string }) => void;
  } = {},
): Promise<SentEvent> {
  const delivery = signDelivery(
    event,
    secret,
    options.unixSeconds ?? Math.floor(Date.now() / 1000),
  );
  options.tamper?.(delivery);
  const response = await fetch(url, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}
