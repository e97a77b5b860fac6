/**
 * im2col / col2im: turn a convolution into one matrix product.
 *
 * For a batch x [N, C, H, W] and a k×k kernel, `im2col` writes the matrix
 *   cols [C·k·k, N·OH·OW],   cols[(c·k + i)·k + j][(n·OH + oh)·OW + ow] = x[n, c, oh·s − p + i, ow·s − p + j]
 * (zero where the window hangs over the padding), so that y = W [O, C·k·k] · cols.
 * `col2im` is its adjoint: it scatters (adds) every column entry back to the input pixel it was read from.
 *
 * "Same" convolutions (stride 1, output as wide as the input: every 3×3/pad-1 and 1×1/pad-0 conv) take
 * a fast path: each (kernel offset, sample, channel) block of cols is the input plane shifted by a
 * constant, so it moves as one span instead of row by row; only the entries that wrap around a row
 * edge (which belong to the padding) need fixing. Both paths give bit-identical results.
 */
export interface ConvGeometry {
  readonly batch: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/** PyTorch's output size: floor((size + 2·padding − kernel) / stride) + 1. */
export function convOutputSize(
  size: number,
  kernel: number,
  stride: number,
  padding: number,
): number {
  return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}

/**
 * The output positions o (rows or columns) whose input position o·s + offset (offset = i − p or j − p)
 * lies inside [0, size), as [first, end).
 */
function validRange(offset: number, size: number, stride: number, count: number): [number, number] {
  // o·s + offset ≥ 0  ⇔  o ≥ ceil(−offset / s);   o·s + offset ≤ size − 1  ⇔  o ≤ floor((size − 1 − offset) / s)
  const first = Math.max(0, Math.ceil(-offset / stride));
  const end = Math.min(count, Math.floor((size - 1 - offset) / stride) + 1);
  return [first, Math.max(first, end)];
}

export function im2col(x: Float32Array, g: ConvGeometry, cols: Float32Array): void {
  if (isSameConv(g)) im2colSame(x, g, cols);
  else im2colStrided(x, g, cols);
}

/**
 * dx = col2im(dcols): the adjoint of im2col. Overwrites dx. On the fast path it also zeroes the
 * entries of `cols` that fall in the padding (they have no pixel to go to), so callers pass scratch.
 */
export function col2im(cols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  if (isSameConv(g)) col2imSame(cols, g, dx);
  else col2imStrided(cols, g, dx);
}

function isSameConv(g: ConvGeometry): boolean {
  return g.stride === 1 && g.outWidth === g.width && g.outHeight === g.height;
}

function im2colStrided(x: Float32Array, g: ConvGeometry, cols: Float32Array): void {
  const { batch, channels, height, width, kernel, stride, padding, outHeight, outWidth } = g;
  const planeIn = height * width;
  const planeOut = outHeight * outWidth;
  const rowLength = batch * planeOut;
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < kernel; i++) {
      for (let j = 0; j < kernel; j++) {
        const row = ((c * kernel + i) * kernel + j) * rowLength;
        const [owFirst, owEnd] = validRange(j - padding, width, stride, outWidth);
        for (let n = 0; n < batch; n++) {
          const inPlane = (n * channels + c) * planeIn;
          const outPlane = row + n * planeOut;
          for (let oh = 0; oh < outHeight; oh++) {
            const ih = oh * stride - padding + i;
            const out = outPlane + oh * outWidth;
            if (ih < 0 || ih >= height) {
              cols.fill(0, out, out + outWidth);
              continue;
            }
            const inRow = inPlane + ih * width - padding + j;
            for (let ow = 0; ow < owFirst; ow++) cols[out + ow] = 0;
            for (let ow = owFirst; ow < owEnd; ow++) cols[out + ow] = x[inRow + ow * stride]!;
            for (let ow = owEnd; ow < outWidth; ow++) cols[out + ow] = 0;
          }
        }
      }
    }
  }
}

function col2imStrided(cols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { batch, channels, height, width, kernel, stride, padding, outHeight, outWidth } = g;
  const planeIn = height * width;
  const planeOut = outHeight * outWidth;
  const rowLength = batch * planeOut;
  dx.fill(0);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < kernel; i++) {
      for (let j = 0; j < kernel; j++) {
        const row = ((c * kernel + i) * kernel + j) * rowLength;
        const [owFirst, owEnd] = validRange(j - padding, width, stride, outWidth);
        for (let n = 0; n < batch; n++) {
          const inPlane = (n * channels + c) * planeIn;
          const outPlane = row + n * planeOut;
          for (let oh = 0; oh < outHeight; oh++) {
            const ih = oh * stride - padding + i;
            if (ih < 0 || ih >= height) continue;
            const inRow = inPlane + ih * width - padding + j;
            const out = outPlane + oh * outWidth;
            for (let ow = owFirst; ow < owEnd; ow++) dx[inRow + ow * stride]! += cols[out + ow]!;
          }
        }
      }
    }
  }
}

/** Zeroes columns [0, first) and [end, width) of rows [rowFirst, rowEnd) of one plane of cols. */
function zeroWrappedColumns(
  cols: Float32Array,
  plane: number,
  width: number,
  [rowFirst, rowEnd]: readonly [number, number],
  [first, end]: readonly [number, number],
): void {
  if (first === 0 && end === width) return;
  for (let r = rowFirst; r < rowEnd; r++) {
    const row = plane + r * width;
    for (let k = 0; k < first; k++) cols[row + k] = 0;
    for (let k = end; k < width; k++) cols[row + k] = 0;
  }
}

function im2colSame(x: Float32Array, g: ConvGeometry, cols: Float32Array): void {
  const { batch, channels, height, width, kernel, padding } = g;
  const plane = height * width;
  const rowLength = batch * plane;
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < kernel; i++) {
      const rows = validRange(i - padding, height, 1, height);
      const spanStart = rows[0] * width;
      const spanEnd = rows[1] * width;
      for (let j = 0; j < kernel; j++) {
        const columns = validRange(j - padding, width, 1, width);
        // cols[oh·W + ow] = x[oh·W + ow + shift] within the valid rows
        const shift = (i - padding) * width + (j - padding);
        const row = ((c * kernel + i) * kernel + j) * rowLength;
        for (let n = 0; n < batch; n++) {
          const inPlane = (n * channels + c) * plane;
          const outPlane = row + n * plane;
          cols.fill(0, outPlane, outPlane + spanStart);
          cols.fill(0, outPlane + spanEnd, outPlane + plane);
          // At the very first and last pixel of x the span can poke out of the array by up to
          // `padding` entries; those are wrapped entries, zeroed just below.
          const from = inPlane + spanStart + shift;
          const clampedFrom = Math.max(0, from);
          const clampedTo = Math.min(x.length, inPlane + spanEnd + shift);
          cols.set(x.subarray(clampedFrom, clampedTo), outPlane + spanStart + clampedFrom - from);
          zeroWrappedColumns(cols, outPlane, width, rows, columns);
        }
      }
    }
  }
}

function col2imSame(cols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { batch, channels, height, width, kernel, padding } = g;
  const plane = height * width;
  const rowLength = batch * plane;
  dx.fill(0);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < kernel; i++) {
      const rows = validRange(i - padding, height, 1, height);
      for (let j = 0; j < kernel; j++) {
        const columns = validRange(j - padding, width, 1, width);
        const shift = (i - padding) * width + (j - padding);
        const row = ((c * kernel + i) * kernel + j) * rowLength;
        for (let n = 0; n < batch; n++) {
          const outPlane = row + n * plane;
          // With the wrapped (padding) entries zeroed, the whole span can be added at once: they add
          // exactly 0 to the neighbouring pixels they land on.
          zeroWrappedColumns(cols, outPlane, width, rows, columns);
          let from = outPlane + rows[0] * width;
          let to = (n * channels + c) * plane + rows[0] * width + shift;
          if (to < 0) {
            from -= to;
            to = 0;
          }
          const end = Math.min(outPlane + rows[1] * width, from + dx.length - to);
          for (; from < end; from++, to++) dx[to]! += cols[from]!;
        }
      }
    }
  }
}
