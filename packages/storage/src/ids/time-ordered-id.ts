import { randomFillSync } from 'node:crypto';

let lastMs = -1;
let counter = 0;

// Random bytes drawn in bulk: one system call per 409 ids instead of one per id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
function randomTail(): Buffer {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 10;
  return pool.subarray(poolOffset - 10, poolOffset);
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter (method 1 of the RFC)
 * so ids made in the same millisecond still sort in creation order, then 62 random bits.
 *
 * Rows keyed by these ids are appended at the end of their indexes instead of landing on a
 * random page, so a transaction that inserts a few rows dirties a few pages, not one per row.
 */
export function timeOrderedId(now: number = Date.now()): string {
  const random = randomTail();
  if (now > lastMs) {
    lastMs = now;
    counter = random.readUInt16BE(8) & 0x1ff; // random start, room left for 3,584 more
  } else if (++counter > 0xfff) {
    // The counter ran out within one millisecond (or the clock went back): borrow the next one.
    lastMs += 1;
    counter = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  random.copy(bytes, 8, 0, 8);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
