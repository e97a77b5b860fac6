/**
 * Area downsampling by 2: each output pixel is the mean of a 2×2 block, rounded half up
 * (⌊(a + b + c + d + 2) / 4⌋), as cv2.INTER_AREA or PIL's box filter would give for integer data.
 */
export function downsample2x(
  pixels: Uint8Array,
  count: number,
  height: number,
  width: number,
): Uint8Array {
  if (height % 2 !== 0 || width % 2 !== 0) {
    throw new Error(`downsample2x: height and width must be even, got ${height}×${width}`);
  }
  if (pixels.length !== count * height * width) {
    throw new Error(
      `downsample2x: ${count} images of ${height}×${width} need ${count * height * width} bytes, got ${pixels.length}`,
    );
  }
  const outH = height / 2;
  const outW = width / 2;
  const out = new Uint8Array(count * outH * outW);
  let o = 0;
  for (let n = 0; n < count; n++) {
    const base = n * height * width;
    for (let y = 0; y < outH; y++) {
      const top = base + 2 * y * width;
      const bottom = top + width;
      for (let x = 0; x < outW; x++) {
        const c = 2 * x;
        const sum =
          pixels[top + c]! + pixels[top + c + 1]! + pixels[bottom + c]! + pixels[bottom + c + 1]!;
        out[o++] = (sum + 2) >> 2;
      }
    }
  }
  return out;
}
