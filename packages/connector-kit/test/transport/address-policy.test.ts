import { BlockList } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockedIPv4,
  blockedIPv6,
  checkHost,
  classifyAddress,
  isPrivateAddress,
  metadataAddresses,
  PrivateAddressError,
} from '../../src/index.ts';
import { guardedLookup } from '../../src/transport/address-policy.ts';

const ipv4 = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))
  .map((parts) => parts.join('.'));

const ipv6Words = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 });
const formatV6 = (words: number[]) => words.map((w) => w.toString(16)).join(':');

function toV4(n: number) {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
const v4Number = (a: string) => a.split('.').reduce((n, p) => n * 256 + Number(p), 0);

/** An address inside `network/prefix`: the prefix's bits from the network, the rest random. */
function withinV4([network, prefix]: readonly [string, number], random: number): string {
  const size = 2 ** (32 - prefix);
  return toV4(Math.floor(v4Number(network) / size) * size + (random % size));
}

function v6Words(address: string): number[] {
  const [l = '', r = ''] = address.split('::');
  const left = l ? l.split(':') : [];
  const right = r ? r.split(':') : [];
  return [...left, ...Array(8 - left.length - right.length).fill('0'), ...right].map((g) =>
    Number.parseInt(g, 16),
  );
}

function withinV6([network, prefix]: readonly [string, number], random: number[]): string {
  const net = v6Words(network);
  return formatV6(
    net.map((word, i) => {
      const bits = Math.max(0, Math.min(16, prefix - i * 16));
      const mask = bits === 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
      return (word & mask) | (random[i]! & ~mask & 0xffff);
    }),
  );
}

describe('address classification', () => {
  it.each([
    ['127.0.0.1', 'private'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.1.1', 'private'],
    ['0.0.0.0', 'private'],
    ['224.0.0.251', 'private'],
    ['255.255.255.255', 'private'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['::', 'private'],
    ['::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['::ffff:7f00:1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['64:ff9b::7f00:1', 'private'],
    ['64:ff9b::8.8.8.8', 'private'],
    ['2002:7f00:1::', 'private'],
    ['::127.0.0.1', 'private'],
    ['fd12::1', 'private'],
    ['fe80::1%eth0', 'private'],
    ['ff02::1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['[::1]', 'private'],
    ['not an address', 'private'],
    ['8.8.8.8', 'public'],
    ['203.0.113.9', 'public'],
    ['172.32.0.1', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['2001:db8::1', 'public'],
    ['2606:4700:4700::1111', 'public'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('blocks every IPv4 address inside a blocked range, also IPv4-mapped and via NAT64', () => {
    fc.assert(
      fc.property(fc.constantFrom(...blockedIPv4), fc.nat(2 ** 32 - 1), (cidr, random) => {
        const address = withinV4(cidr, random);
        expect(isPrivateAddress(address), address).toBe(true);
        expect(isPrivateAddress(`::ffff:${address}`), `::ffff:${address}`).toBe(true);
        const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
        const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        expect(isPrivateAddress(`64:ff9b::${hex}`)).toBe(true);
        expect(isPrivateAddress(`2002:${hex}::1`)).toBe(true);
        expect(isPrivateAddress(`::${address}`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('blocks every IPv6 address inside a blocked range', () => {
    fc.assert(
      fc.property(fc.constantFrom(...blockedIPv6), ipv6Words, (cidr, random) => {
        const address = withinV6(cidr, random);
        expect(isPrivateAddress(address), address).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with Node’s BlockList on any address (metadata addresses aside)', () => {
    const oracle = new BlockList();
    for (const [net, prefix] of blockedIPv4) oracle.addSubnet(net, prefix, 'ipv4');
    for (const [net, prefix] of blockedIPv6) oracle.addSubnet(net, prefix, 'ipv6');
    fc.assert(
      fc.property(ipv4, (address) => {
        const expected = oracle.check(address, 'ipv4') || metadataAddresses.has(address);
        expect(isPrivateAddress(address), address).toBe(expected);
        // An IPv4-mapped address is its IPv4 address.
        expect(classifyAddress(`::ffff:${address}`)).toBe(classifyAddress(address));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(ipv6Words, (words) => {
        const address = formatV6(words);
        fc.pre(!(words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff));
        expect(isPrivateAddress(address), address).toBe(oracle.check(address, 'ipv6'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('checkHost', () => {
  const answering =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const);

  it('refuses a name with any private answer, naming the address', async () => {
    expect(
      await checkHost('rally.example.test', { resolveHost: answering('203.0.113.9', '10.0.0.1') }),
    ).toEqual({
      ok: false,
      reason: 'refused',
      message:
        'rally.example.test resolves to a private address (10.0.0.1); Tandem does not connect to private networks',
    });
  });

  it('accepts public answers, and private ones when private networks are allowed', async () => {
    expect(
      await checkHost('rally.example.test', { resolveHost: answering('203.0.113.9') }),
    ).toMatchObject({ ok: true });
    expect(
      await checkHost('sim.test', {
        resolveHost: answering('127.0.0.1'),
        allowPrivateNetwork: true,
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses metadata addresses even when private networks are allowed', async () => {
    const result = await checkHost('metadata.test', {
      resolveHost: answering('169.254.169.254'),
      allowPrivateNetwork: true,
    });
    expect(result).toMatchObject({ ok: false, reason: 'refused' });
    expect(!result.ok && result.message).toContain('cloud metadata');
  });

  it('checks IP literals without resolving, and says when a name is unknown', async () => {
    const never = async () => {
      throw new Error('must not resolve');
    };
    expect(await checkHost('[::1]', { resolveHost: never })).toMatchObject({
      ok: false,
      message: '[::1] is a private address; Tandem does not connect to private networks',
    });
    expect(await checkHost('nowhere.test', { resolveHost: never })).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
  });
});

describe('the connect-time lookup', () => {
  const lookup = (addresses: string[], allowPrivateNetwork = false) =>
    guardedLookup({
      allowPrivateNetwork,
      resolveHost: async () =>
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const),
    });
  const call = (fn: ReturnType<typeof lookup>, all: boolean, family = 0) =>
    new Promise<{ error: unknown; address: unknown; family: unknown }>((resolve) =>
      fn('host.test', { all, family }, (error, address, fam) =>
        resolve({ error, address, family: fam }),
      ),
    );

  it('answers as net.connect asks, one address or all of them', async () => {
    expect(await call(lookup(['203.0.113.9', '2001:db8::1']), false)).toEqual({
      error: null,
      address: '203.0.113.9',
      family: 4,
    });
    expect((await call(lookup(['203.0.113.9', '2001:db8::1']), true)).address).toEqual([
      { address: '203.0.113.9', family: 4 },
      { address: '2001:db8::1', family: 6 },
    ]);
    expect((await call(lookup(['203.0.113.9', '2001:db8::1']), false, 6)).address).toBe(
      '2001:db8::1',
    );
  });

  it('fails with PrivateAddressError when any answer is refused', async () => {
    const { error } = await call(lookup(['203.0.113.9', '::ffff:10.0.0.1']), true);
    expect(error).toBeInstanceOf(PrivateAddressError);
    expect((error as Error).message).toBe(
      'host.test resolves to a private address (::ffff:10.0.0.1); Tandem does not connect to private networks',
    );
  });
});
