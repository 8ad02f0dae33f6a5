import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses an integration may not reach unless the server allows private networks. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address is the IPv4 address in disguise.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type AddressCheck = { ok: true; addresses: string[] } | { ok: false; reason: string };

/**
 * Resolves the host and refuses private, loopback and link-local addresses (SSRF guard), unless
 * `allowPrivate` is set (the demo and the tests reach the simulators on 127.0.0.1).
 */
export async function checkRemoteHost(
  hostname: string,
  allowPrivate: boolean,
): Promise<AddressCheck> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(bare)
      ? [bare]
      : (await lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return { ok: false, reason: `The host ${hostname} could not be found` };
  }
  const blocked = addresses.filter(isPrivateAddress);
  if (blocked.length > 0 && !allowPrivate) {
    return {
      ok: false,
      reason: `${hostname} resolves to a private or loopback address (${blocked[0]}); Tandem only connects to public hosts`,
    };
  }
  return { ok: true, addresses };
}
