import { checkHost, type HostResolver, isPrivateAddress } from '@tandem/connector-kit';

/**
 * The SSRF guard when an account URL is entered, for immediate feedback. The same policy
 * (connector-kit's `address-policy.ts`) is applied again by the transport on every connection,
 * which is what stops a name that resolves differently later (decision 024).
 */
export { isPrivateAddress };

export type AddressCheck = { ok: true; addresses: string[] } | { ok: false; reason: string };

/**
 * Resolves the host and refuses private, loopback, link-local and metadata addresses, unless
 * `allowPrivate` is set (the demo and the tests reach the simulators on 127.0.0.1).
 */
export async function checkRemoteHost(
  hostname: string,
  allowPrivate: boolean,
  resolveHost?: HostResolver,
): Promise<AddressCheck> {
  const result = await checkHost(hostname, {
    allowPrivateNetwork: allowPrivate,
    ...(resolveHost ? { resolveHost } : {}),
  });
  return result.ok
    ? { ok: true, addresses: result.addresses.map((a) => a.address) }
    : { ok: false, reason: result.message };
}
