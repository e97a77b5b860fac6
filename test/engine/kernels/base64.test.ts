import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/engine/kernels/base64';

describe('decodeBase64', () => {
  it('decodes every padding length (RFC 4648 test vectors)', () => {
    const decode = (text: string) => new TextDecoder().decode(decodeBase64(text));
    expect(decode('')).toBe('');
    expect(decode('Zg==')).toBe('f');
    expect(decode('Zm8=')).toBe('fo');
    expect(decode('Zm9v')).toBe('foo');
    expect(decode('Zm9vYg==')).toBe('foob');
    expect(decode('Zm9vYmE=')).toBe('fooba');
    expect(decode('Zm9vYmFy')).toBe('foobar');
  });

  it('decodes all 256 byte values as Node does', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => (i * 7 + 3) % 256);
    const text = Buffer.from(bytes).toString('base64');
    expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes));
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => decodeBase64('Zm9-')).toThrow('decodeBase64: invalid character at 3');
  });
});
