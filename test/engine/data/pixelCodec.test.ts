import { describe, expect, it } from 'vitest';
import { decodePixels, encodePixels } from '../../../src/engine/data/pixelCodec';
import { createRng } from '../../../src/engine/rng';

/** A digit-like image: background zeros and one thick stroke with dark core and grey rims. */
function strokeImages(count: number, height: number, width: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const pixels = new Uint8Array(count * height * width);
  for (let n = 0; n < count; n++) {
    const column = 2 + rng.int(width - 4);
    for (let y = 1; y < height - 1; y++) {
      const base = (n * height + y) * width + column;
      pixels[base - 1] = 40 + rng.int(100);
      pixels[base] = 250 + rng.int(6);
      pixels[base + 1] = 1 + rng.int(255);
    }
  }
  return pixels;
}

describe('pixel codec', () => {
  it('round-trips digit-like images losslessly and smaller than raw', () => {
    const pixels = strokeImages(50, 28, 28, 1);
    const payload = encodePixels(pixels, 50, 28, 28);
    expect(decodePixels(payload, 50, 28, 28)).toEqual(pixels);
    expect(payload.length).toBeLessThan(pixels.length / 4);
  });

  it('round-trips pure noise over every byte value, on an odd, non-square size', () => {
    const rng = createRng(2);
    const pixels = Uint8Array.from({ length: 3 * 7 * 5 }, () => rng.int(256));
    pixels[0] = 0;
    pixels[1] = 255;
    expect(decodePixels(encodePixels(pixels, 3, 7, 5), 3, 7, 5)).toEqual(pixels);
  });

  it('handles images one pixel wide and one pixel high', () => {
    const column = Uint8Array.from([0, 9, 255, 0, 128]);
    expect(decodePixels(encodePixels(column, 1, 5, 1), 1, 5, 1)).toEqual(column);
    expect(decodePixels(encodePixels(column, 1, 1, 5), 1, 1, 5)).toEqual(column);
  });

  it('leaves the input array untouched', () => {
    const pixels = strokeImages(2, 9, 9, 4);
    const copy = pixels.slice();
    encodePixels(pixels, 2, 9, 9);
    expect(pixels).toEqual(copy);
  });

  it('is deterministic: the same pixels give the same bytes', () => {
    const pixels = strokeImages(10, 14, 14, 5);
    expect(encodePixels(pixels, 10, 14, 14)).toEqual(encodePixels(pixels.slice(), 10, 14, 14));
  });

  it('throws a clear error when the pixel count does not match the geometry', () => {
    expect(() => encodePixels(new Uint8Array(10), 1, 3, 3)).toThrow(
      /1 images of 3×3 need 9 bytes, got 10/,
    );
    expect(() => encodePixels(new Uint8Array(0), -1, 3, 3)).toThrow(
      /count must be a non-negative integer, got -1/,
    );
  });
});
