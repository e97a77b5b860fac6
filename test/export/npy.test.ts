import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeNpy, encodeNpz } from '../../src/export/npy';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('encodeNpy', () => {
  it('writes a version 1.0 header padded to 64 bytes, then the raw little-endian values', () => {
    const values = Float32Array.from([1.5, -2, 3.25, 0, 7, 8]);
    const bytes = encodeNpy(values, [2, 3]);
    expect([...bytes.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8]! + 256 * bytes[9]!;
    expect((10 + headerLength) % 64).toBe(0);
    const header = text(bytes.subarray(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    const data = bytes.slice(10 + headerLength);
    expect(new Float32Array(data.buffer)).toEqual(values);
  });

  it('names int32 and int64 arrays, and writes the shapes of vectors and scalars as Python tuples', () => {
    expect(text(encodeNpy(Int32Array.from([1, 2]), [2]))).toContain("'descr': '<i4'");
    expect(text(encodeNpy(Int32Array.from([1, 2]), [2]))).toContain("'shape': (2,)");
    const scalar = text(encodeNpy(BigInt64Array.from([0n]), []));
    expect(scalar).toContain("'descr': '<i8'");
    expect(scalar).toContain("'shape': ()");
  });

  it('refuses a shape that does not fit the values', () => {
    expect(() => encodeNpy(new Float32Array(5), [2, 3])).toThrow(
      'shape [2, 3] needs 6 values, the array has 5',
    );
  });
});

describe('encodeNpz', () => {
  it('zips one <name>.npy per entry', () => {
    const zip = encodeNpz([
      { name: 'x', array: new Float32Array(4), shape: [2, 2] },
      { name: 'fc1.weight', array: new Float32Array(2), shape: [1, 2] },
    ]);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['fc1.weight.npy', 'x.npy']);
  });
});
