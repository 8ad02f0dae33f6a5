/** The events protocol's version and the HTTP headers that carry each delivery's envelope. */
export const PROTOCOL_VERSION = 1 as const;

export const HEADERS = {
  /** `1`: the protocol version the body follows. */
  protocol: 'tandem-protocol',
  /** The event name, repeated from the body so a proxy can route without parsing it. */
  event: 'tandem-event',
  /** Unique per HTTP attempt: a second delivery with the same id is a replay. */
  delivery: 'tandem-delivery',
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
  signature: 'tandem-signature',
} as const;

/** How far a delivery's timestamp may be from the receiver's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
