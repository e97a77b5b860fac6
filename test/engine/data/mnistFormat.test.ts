import { describe, expect, it } from 'vitest';
import {
  HEADER_BYTES,
  parseMnist,
  serializeMnist,
  type ParsedMnist,
} from '../../../src/engine/data/mnistFormat';

/** Three 2×3 images with distinct pixels and labels. */
const SAMPLE: ParsedMnist = {
  images: Uint8Array.from([0, 0, 255, 17, 0, 3, 9, 200, 0, 0, 0, 0, 1, 2, 3, 4, 5, 254]),
  labels: Uint8Array.from([7, 0, 9]),
  count: 3,
  height: 2,
  width: 3,
};

describe('MNIST binary format', () => {
  for (const encoding of ['raw', 'coded'] as const) {
    it(`round-trips images, labels and geometry (${encoding} pixels)`, () => {
      const parsed = parseMnist(serializeMnist(SAMPLE, encoding));
      expect(parsed).toEqual(SAMPLE);
    });
  }

  it('writes the documented header', () => {
    const bytes = serializeMnist(SAMPLE, 'raw');
    const view = new DataView(bytes.buffer);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('NLMN');
    expect(view.getUint16(4, true)).toBe(1); // version
    expect(view.getUint16(6, true)).toBe(0); // raw
    expect(view.getUint32(8, true)).toBe(3); // count
    expect(view.getUint16(12, true)).toBe(2); // height
    expect(view.getUint16(14, true)).toBe(3); // width
    expect(view.getUint32(16, true)).toBe(18); // payload = 3 · 2 · 3 raw bytes
    expect(Array.from(bytes.subarray(HEADER_BYTES, HEADER_BYTES + 3))).toEqual([7, 0, 9]);
    expect(bytes.length).toBe(HEADER_BYTES + 3 + 18);
  });

  it('parses a view into a larger buffer (non-zero byteOffset)', () => {
    const bytes = serializeMnist(SAMPLE);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 5);
    expect(parseMnist(padded.subarray(5, 5 + bytes.length))).toEqual(SAMPLE);
  });

  it('round-trips an empty file', () => {
    const empty = {
      images: new Uint8Array(0),
      labels: new Uint8Array(0),
      count: 0,
      height: 28,
      width: 28,
    };
    expect(parseMnist(serializeMnist(empty))).toEqual(empty);
  });

  it('rejects a wrong magic', () => {
    const bytes = serializeMnist(SAMPLE);
    bytes[0] = 'X'.charCodeAt(0);
    expect(() => parseMnist(bytes, 'digits.bin')).toThrow(
      /digits\.bin: not a normlab MNIST file: magic is "XLMN", expected 'NLMN'/,
    );
  });

  it('rejects an unsupported version', () => {
    const bytes = serializeMnist(SAMPLE);
    new DataView(bytes.buffer).setUint16(4, 2, true);
    expect(() => parseMnist(bytes)).toThrow(/unsupported version 2; this parser reads version 1/);
  });

  it('rejects an unknown pixel encoding', () => {
    const bytes = serializeMnist(SAMPLE);
    new DataView(bytes.buffer).setUint16(6, 5, true);
    expect(() => parseMnist(bytes)).toThrow(/unknown pixel encoding 5/);
  });

  it('rejects a file shorter than the header', () => {
    expect(() => parseMnist(serializeMnist(SAMPLE).subarray(0, 10), 'cut.bin')).toThrow(
      /cut\.bin: truncated: 10 bytes is shorter than the 24-byte header/,
    );
  });

  it('rejects a file cut inside the payload', () => {
    const bytes = serializeMnist(SAMPLE);
    expect(() => parseMnist(bytes.subarray(0, bytes.length - 1))).toThrow(
      new RegExp(
        `truncated: the header promises ${bytes.length} bytes .* the file has ${bytes.length - 1}`,
      ),
    );
  });

  it('rejects trailing bytes after the payload', () => {
    const bytes = serializeMnist(SAMPLE);
    const longer = new Uint8Array(bytes.length + 2);
    longer.set(bytes);
    expect(() => parseMnist(longer)).toThrow(
      /2 unexpected bytes after the \d+ the header describes/,
    );
  });

  it('rejects a raw payload whose size does not match the geometry', () => {
    const bytes = serializeMnist(SAMPLE, 'raw');
    new DataView(bytes.buffer).setUint16(14, 4, true); // width 3 → 4: 24 pixels expected, 18 stored
    expect(() => parseMnist(bytes)).toThrow(/raw payload of 18 bytes, expected 3 × 2 × 4 = 24/);
  });

  it('rejects a header whose geometry would need more than 2^30 pixels', () => {
    const bytes = serializeMnist(SAMPLE);
    new DataView(bytes.buffer).setUint16(12, 0xffff, true);
    new DataView(bytes.buffer).setUint16(14, 0xffff, true);
    expect(() => parseMnist(bytes)).toThrow(/implausible header: 3 images of 65535×65535/);
  });

  it('detects corrupt pixels through the checksum', () => {
    const bytes = serializeMnist(SAMPLE, 'raw');
    bytes[bytes.length - 1] = 254 ^ 1; // the last pixel was 254
    expect(() => parseMnist(bytes)).toThrow(/corrupt pixel data: checksum/);
  });

  it('refuses to serialize mismatched labels or pixels', () => {
    expect(() => serializeMnist({ ...SAMPLE, labels: new Uint8Array(2) })).toThrow(
      /3 images need 3 labels, got 2/,
    );
    expect(() => serializeMnist({ ...SAMPLE, images: new Uint8Array(17) })).toThrow(
      /3 images of 2×3 need 18 pixels, got 17/,
    );
  });
});
