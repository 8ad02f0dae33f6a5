/**
 * Which network addresses Tandem may connect to (the SSRF guard). One classification, used when
 * a user enters an account URL (immediate feedback) and again inside the transport's connector
 * on every new connection (so a name that resolved public at entry and private later — DNS
 * rebinding — is refused at connect, before a byte is sent).
 */
import { lookup as systemLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';

export type AddressFamily = 4 | 6;
export interface ResolvedAddress {
  address: string;
  family: AddressFamily;
}

/** Resolves a host name to every address it has (injected in tests: no real DNS). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface AddressPolicy {
  /**
   * Let connections reach private, loopback, link-local and other non-public addresses (the
   * demo's simulators on 127.0.0.1). Cloud metadata addresses stay refused. Default `false`.
   */
  allowPrivateNetwork?: boolean;
  /** Default: the system resolver (`dns.lookup`, every address, in the order it answers). */
  resolveHost?: HostResolver;
}

/** Why an address is refused: `metadata` always, `private` unless private networks are allowed. */
export type AddressClass = 'public' | 'private' | 'metadata';

/** The error code a refused connection carries (see `classifyNetworkError`). */
export const PRIVATE_ADDRESS_CODE = 'ERR_TANDEM_PRIVATE_ADDRESS';

/** A connection refused by the policy. Not retryable: the answer will not change by waiting. */
export class PrivateAddressError extends Error {
  override readonly name = 'PrivateAddressError';
  readonly code = PRIVATE_ADDRESS_CODE;
  readonly hostname: string;
  readonly address: string;
  readonly addressClass: Exclude<AddressClass, 'public'>;
  constructor(hostname: string, address: string, addressClass: Exclude<AddressClass, 'public'>) {
    super(refusalMessage(hostname, address, addressClass));
    this.hostname = hostname;
    this.address = address;
    this.addressClass = addressClass;
  }
}

function refusalMessage(hostname: string, address: string, kind: 'private' | 'metadata'): string {
  const what = kind === 'metadata' ? 'a cloud metadata address' : 'a private address';
  const where =
    kind === 'metadata'
      ? 'Tandem never connects to cloud metadata services'
      : 'Tandem does not connect to private networks';
  return bare(hostname) === address
    ? `${hostname} is ${what}; ${where}`
    : `${hostname} resolves to ${what} (${address}); ${where}`;
}

type Cidr = readonly [network: string, prefix: number];

/** IPv4 ranges that are not the public internet (RFC 6890 and friends). */
export const blockedIPv4: readonly Cidr[] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

/**
 * IPv6 ranges that are not the public internet. The translation ranges are refused whole: each
 * one hides an IPv4 address (often a private one) that the OS or a gateway would reach instead.
 */
export const blockedIPv6: readonly Cidr[] = [
  ['::', 96], // unspecified, loopback, IPv4-compatible (deprecated)
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT)
  ['64:ff9b::', 96], // NAT64 well-known prefix
  ['64:ff9b:1::', 48], // NAT64 local-use
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

/** Cloud instance metadata services: refused even when private networks are allowed. */
export const metadataAddresses: ReadonlySet<string> = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OCI, DigitalOcean…
  '169.254.170.2', // AWS ECS task metadata
  '169.254.170.23', // AWS EKS pod identity
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure wire server
  'fd00:ec2::254', // AWS, over IPv6
  'fd00:ec2::23', // AWS EKS pod identity, over IPv6
]);

/** An IPv6 address as 16 bytes; `null` when `address` is not one. */
export function ipv6Bytes(address: string): Uint8Array | null {
  const text = address.replace(/%.*$/, '');
  if (isIP(text) !== 6) return null;
  let head = text;
  let v4: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    head = `${dotted[1]}0:0`;
    v4 = dotted[2]!.split('.').map(Number);
  }
  const [left = '', right] = head.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const l = groups(left);
  const r = right === undefined ? [] : groups(right);
  const words = [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r].map((g) =>
    Number.parseInt(g, 16),
  );
  const bytes = new Uint8Array(16);
  words.forEach((word, i) => {
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  });
  if (v4.length === 4) bytes.set(v4, 12);
  return bytes;
}

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function inIPv4(address: string, [network, prefix]: Cidr): boolean {
  if (prefix === 0) return true;
  const shift = 32 - prefix;
  return (
    Math.floor(ipv4Number(address) / 2 ** shift) === Math.floor(ipv4Number(network) / 2 ** shift)
  );
}

function inIPv6(bytes: Uint8Array, [network, prefix]: Cidr): boolean {
  const net = ipv6Bytes(network)!;
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const i = bit / 8;
    if ((bytes[i]! & mask) !== (net[i]! & mask)) return false;
  }
  return true;
}

function canonicalIPv6(bytes: Uint8Array): string {
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return words.join(':');
}

const metadataIPv6 = new Set(
  [...metadataAddresses].filter((a) => isIP(a) === 6).map((a) => canonicalIPv6(ipv6Bytes(a)!)),
);

/**
 * Where an IP address leads: `public`, `private` (loopback, private, link-local, CGNAT,
 * multicast, unspecified, reserved, the IPv6 translation ranges) or `metadata`. An IPv4-mapped
 * IPv6 address (`::ffff:10.0.0.1`) is its IPv4 address. A string that is no IP address is
 * `private`: nothing unparsed is trusted.
 */
export function classifyAddress(address: string): AddressClass {
  const text = bare(address);
  const family = isIP(text.replace(/%.*$/, ''));
  if (family === 4) {
    if (metadataAddresses.has(text)) return 'metadata';
    return blockedIPv4.some((cidr) => inIPv4(text, cidr)) ? 'private' : 'public';
  }
  const bytes = family === 6 ? ipv6Bytes(text) : null;
  if (!bytes) return 'private';
  if (inIPv6(bytes, ['::ffff:0:0', 96])) return classifyAddress(bytes.slice(12).join('.'));
  if (metadataIPv6.has(canonicalIPv6(bytes))) return 'metadata';
  return blockedIPv6.some((cidr) => inIPv6(bytes, cidr)) ? 'private' : 'public';
}

/** Not the public internet (private, loopback, metadata, …). */
export function isPrivateAddress(address: string): boolean {
  return classifyAddress(address) !== 'public';
}

/** The first address the policy refuses, as the error to throw; `null` when all may be reached. */
export function refusedAddress(
  hostname: string,
  addresses: readonly string[],
  policy: Pick<AddressPolicy, 'allowPrivateNetwork'>,
): PrivateAddressError | null {
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'metadata' || (kind === 'private' && !policy.allowPrivateNetwork))
      return new PrivateAddressError(hostname, address, kind);
  }
  return null;
}

export const systemResolver: HostResolver = async (hostname) =>
  (await systemLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export type HostCheck =
  | { ok: true; addresses: ResolvedAddress[] }
  | { ok: false; reason: 'not_found' | 'refused'; message: string };

/**
 * Resolves `hostname` (an IP literal stands for itself) and checks every address it has: one
 * refused address refuses the host, since the connection may use any of them.
 */
export async function checkHost(hostname: string, policy: AddressPolicy = {}): Promise<HostCheck> {
  const name = bare(hostname);
  const family = isIP(name);
  let addresses: ResolvedAddress[];
  if (family !== 0) {
    addresses = [{ address: name, family: family as AddressFamily }];
  } else {
    try {
      addresses = [...(await (policy.resolveHost ?? systemResolver)(name))];
    } catch {
      return { ok: false, reason: 'not_found', message: `The host ${hostname} could not be found` };
    }
    if (addresses.length === 0)
      return { ok: false, reason: 'not_found', message: `The host ${hostname} could not be found` };
  }
  const refused = refusedAddress(
    hostname,
    addresses.map((a) => a.address),
    policy,
  );
  return refused
    ? { ok: false, reason: 'refused', message: refused.message }
    : { ok: true, addresses };
}

/**
 * `net.connect`'s `lookup`, checked: resolves with the policy's resolver and fails the
 * connection with a `PrivateAddressError` when any answer is refused.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  const resolve = policy.resolveHost ?? systemResolver;
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const answers = wanted === 0 ? [...found] : found.filter((a) => a.family === wanted);
        const refused = refusedAddress(
          hostname,
          found.map((a) => a.address),
          policy,
        );
        if (refused) return callback(refused, '', 4);
        if (answers.length === 0) {
          const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
            code: 'ENOTFOUND',
            hostname,
          });
          return callback(error, '', 4);
        }
        if (options.all) return (callback as unknown as AllCallback)(null, answers);
        const first = answers[0]!;
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}

type AllCallback = (error: Error | null, addresses: ResolvedAddress[]) => void;

/**
 * undici's connector with the policy applied to every new connection: an IP literal is checked
 * before connecting, a host name inside `lookup` (Node skips the lookup for literals).
 */
export function guardedConnector(
  options: buildConnector.BuildOptions,
  policy: AddressPolicy,
): buildConnector.connector {
  const connect = buildConnector({ ...options, lookup: guardedLookup(policy) });
  return (target, callback) => {
    const host = bare(target.hostname);
    if (isIP(host) !== 0) {
      const refused = refusedAddress(host, [host], policy);
      if (refused) {
        queueMicrotask(() => callback(refused, null));
        return;
      }
    }
    connect(target, callback);
  };
}

function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}
