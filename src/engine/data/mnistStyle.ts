import { downsample2x } from './downsample';

/** MNIST's digits: each fitted into a 20×20 box, then centred by its centre of mass in 28×28. */
export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;

/**
 * Area (box-filter) resampling of a height × width image to outH × outW: every output pixel is the
 * mean of the input area it covers, partly covered pixels weighted by the part, so the mean
 * intensity is kept at any scale (cv2.INTER_AREA for shrinking).
 */
export function resampleArea(
  pixels: Float32Array,
  height: number,
  width: number,
  outH: number,
  outW: number,
): Float32Array {
  const out = new Float32Array(outH * outW);
  const sy = height / outH;
  const sx = width / outW;
  for (let oy = 0; oy < outH; oy++) {
    const y0 = oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < outW; ox++) {
      const x0 = ox * sx;
      const x1 = x0 + sx;
      let sum = 0;
      for (let y = Math.floor(y0); y < Math.min(height, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.min(width, Math.ceil(x1)); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          sum += pixels[y * width + x]! * wy * wx;
        }
      }
      out[oy * outW + ox] = sum / (sy * sx);
    }
  }
  return out;
}

/**
 * A drawn digit prepared as MNIST's were (LeCun et al., the MNIST page): ink in [0, 1] (any size of
 * pad) is cropped to its bounding box, scaled with its aspect ratio kept so the longer side is 20
 * pixels (area resampling, which gives the grey edges of anti-aliasing), and placed in a 28×28 field
 * so that its centre of mass falls on the field's centre. Bytes 0–255 as in the dataset files;
 * undefined when nothing is drawn.
 */
export function mnistStyleDigit(
  ink: Float32Array,
  height: number,
  width: number,
): Uint8Array | undefined {
  if (ink.length !== height * width) {
    throw new Error(
      `mnistStyleDigit: ${height}×${width} needs ${height * width} values, got ${ink.length}`,
    );
  }
  let top = height;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! > 0) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return undefined;
  const boxH = bottom - top + 1;
  const boxW = right - left + 1;
  const crop = new Float32Array(boxH * boxW);
  for (let y = 0; y < boxH; y++) {
    crop.set(ink.subarray((top + y) * width + left, (top + y) * width + left + boxW), y * boxW);
  }
  const scale = MNIST_BOX / Math.max(boxH, boxW);
  const h = Math.max(1, Math.round(boxH * scale));
  const w = Math.max(1, Math.round(boxW * scale));
  const small = resampleArea(crop, boxH, boxW, h, w);

  let mass = 0;
  let my = 0;
  let mx = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = small[y * w + x]!;
      mass += v;
      my += v * (y + 0.5);
      mx += v * (x + 0.5);
    }
  }
  // Shift so the centre of mass lands on the field's centre, keeping the box inside the field.
  const place = (centre: number, size: number) =>
    Math.min(MNIST_SIDE - size, Math.max(0, Math.round(MNIST_SIDE / 2 - centre)));
  const offY = place(my / mass, h);
  const offX = place(mx / mass, w);
  const out = new Uint8Array(MNIST_SIDE * MNIST_SIDE);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = Math.min(1, Math.max(0, small[y * w + x]!));
      out[(offY + y) * MNIST_SIDE + offX + x] = Math.round(v * 255);
    }
  }
  return out;
}

/** The digit at a data set's resolution: 28×28 as is, 14×14 by the same 2×2 means as the files. */
export function digitAtResolution(digit28: Uint8Array, side: 14 | 28): Uint8Array {
  return side === 28 ? digit28 : downsample2x(digit28, 1, MNIST_SIDE, MNIST_SIDE);
}
