/**
 * im2col / col2im: turn a convolution into one matrix product.
 *
 * For a batch x [N, C, H, W] and a k×k kernel, `im2col` writes the matrix
 *   cols [C·k·k, N·OH·OW],   cols[(c·k + i)·k + j][(n·OH + oh)·OW + ow] = x[n, c, oh·s − p + i, ow·s − p + j]
 * (zero where the window hangs over the padding), so that y = W [O, C·k·k] · cols.
 * `col2im` is its adjoint: it scatters (adds) every column entry back to the input pixel it was read from.
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

/** The output columns ow whose input column ow·s − p + j lies inside [0, width): [first, end). */
function validRange(offset: number, size: number, stride: number, count: number): [number, number] {
  // ow·s + offset ≥ 0  ⇔  ow ≥ ceil(−offset / s);   ow·s + offset ≤ size − 1  ⇔  ow ≤ floor((size − 1 − offset) / s)
  const first = Math.max(0, Math.ceil(-offset / stride));
  const end = Math.min(count, Math.floor((size - 1 - offset) / stride) + 1);
  return [first, Math.max(first, end)];
}

export function im2col(x: Float32Array, g: ConvGeometry, cols: Float32Array): void {
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

/** dx = col2im(dcols): the adjoint of im2col. Overwrites dx. */
export function col2im(cols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
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
