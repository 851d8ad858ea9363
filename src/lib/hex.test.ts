import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256Hex } from './hex';

describe('hex', () => {
  it('writes bytes as lower-case hex, with an optional separator', () => {
    expect(bytesToHex(new Uint8Array([0, 15, 171, 255]))).toBe('000fabff');
    expect(bytesToHex(new Uint8Array([1, 2]), ':')).toBe('01:02');
  });

  it('hashes as node:crypto does', async () => {
    const bytes = new TextEncoder().encode('견본 card');
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
