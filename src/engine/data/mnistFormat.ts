import { decodePixels, encodePixels } from './pixelCodec';

/**
 * The binary format of `public/data/mnist-*.bin`: a stack of labelled 8-bit grayscale images.
 *
 * All integers are little-endian.
 *
 *   offset  size   field
 *   0       4      magic, ASCII 'NLMN'
 *   4       2      version, 1
 *   6       2      pixel encoding: 0 raw bytes, 1 context-modelled range coding (pixelCodec.ts)
 *   8       4      count (images)
 *   12      2      height
 *   14      2      width
 *   16      4      payload length in bytes
 *   20      4      FNV-1a 32-bit hash of the decoded pixels (catches corrupt payloads)
 *   24      count  labels, one byte each
 *   24+count       payload: the pixels (count × height × width bytes, row-major, 0 = background)
 */
export const MNIST_MAGIC = 'NLMN';
export const MNIST_VERSION = 1;
export const HEADER_BYTES = 24;
/** Guards the decoder against allocating gigabytes for a corrupt header (MNIST needs 7.8 M). */
const MAX_PIXELS = 2 ** 30;

export type PixelEncoding = 'raw' | 'coded';
const ENCODING_IDS: Record<PixelEncoding, number> = { raw: 0, coded: 1 };

export interface ParsedMnist {
  /** count × height × width bytes, 0..255, row-major, image after image. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly height: number;
  readonly width: number;
}

export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

export function serializeMnist(data: ParsedMnist, encoding: PixelEncoding = 'coded'): Uint8Array {
  const { images, labels, count, height, width } = data;
  if (labels.length !== count) {
    throw new Error(`serializeMnist: ${count} images need ${count} labels, got ${labels.length}`);
  }
  if (images.length !== count * height * width) {
    throw new Error(
      `serializeMnist: ${count} images of ${height}×${width} need ${count * height * width} pixels, got ${images.length}`,
    );
  }
  if (height > 0xffff || width > 0xffff) {
    throw new Error(`serializeMnist: height and width must fit 16 bits, got ${height}×${width}`);
  }
  const payload = encoding === 'raw' ? images : encodePixels(images, count, height, width);
  const bytes = new Uint8Array(HEADER_BYTES + count + payload.length);
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < 4; k++) bytes[k] = MNIST_MAGIC.charCodeAt(k);
  view.setUint16(4, MNIST_VERSION, true);
  view.setUint16(6, ENCODING_IDS[encoding], true);
  view.setUint32(8, count, true);
  view.setUint16(12, height, true);
  view.setUint16(14, width, true);
  view.setUint32(16, payload.length, true);
  view.setUint32(20, fnv1a(images), true);
  bytes.set(labels, HEADER_BYTES);
  bytes.set(payload, HEADER_BYTES + count);
  return bytes;
}

/** Reads the format above. `source` names the file in error messages. */
export function parseMnist(bytes: Uint8Array, source = 'MNIST file'): ParsedMnist {
  if (bytes.length < HEADER_BYTES) {
    throw new Error(
      `${source}: truncated: ${bytes.length} bytes is shorter than the ${HEADER_BYTES}-byte header`,
    );
  }
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MNIST_MAGIC) {
    throw new Error(
      `${source}: not a normlab MNIST file: magic is ${JSON.stringify(magic)}, expected '${MNIST_MAGIC}'`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== MNIST_VERSION) {
    throw new Error(
      `${source}: unsupported version ${version}; this parser reads version ${MNIST_VERSION} (rebuild with \`npm run data\`)`,
    );
  }
  const encodingId = view.getUint16(6, true);
  if (encodingId !== ENCODING_IDS.raw && encodingId !== ENCODING_IDS.coded) {
    throw new Error(
      `${source}: unknown pixel encoding ${encodingId}; expected 0 (raw) or 1 (coded)`,
    );
  }
  const count = view.getUint32(8, true);
  const height = view.getUint16(12, true);
  const width = view.getUint16(14, true);
  const payloadBytes = view.getUint32(16, true);
  const checksum = view.getUint32(20, true);
  const expectedLength = HEADER_BYTES + count + payloadBytes;
  if (bytes.length < expectedLength) {
    throw new Error(
      `${source}: truncated: the header promises ${expectedLength} bytes (${count} labels + ${payloadBytes} pixel bytes), the file has ${bytes.length}`,
    );
  }
  if (bytes.length > expectedLength) {
    throw new Error(
      `${source}: ${bytes.length - expectedLength} unexpected bytes after the ${expectedLength} the header describes`,
    );
  }
  const pixelCount = count * height * width;
  if (pixelCount > MAX_PIXELS) {
    throw new Error(
      `${source}: implausible header: ${count} images of ${height}×${width} exceed ${MAX_PIXELS} pixels`,
    );
  }
  if (encodingId === ENCODING_IDS.raw && payloadBytes !== pixelCount) {
    throw new Error(
      `${source}: raw payload of ${payloadBytes} bytes, expected ${count} × ${height} × ${width} = ${pixelCount}`,
    );
  }
  const labels = bytes.slice(HEADER_BYTES, HEADER_BYTES + count);
  const payload = bytes.subarray(HEADER_BYTES + count, expectedLength);
  const images =
    encodingId === ENCODING_IDS.raw
      ? payload.slice()
      : decodePixels(payload, count, height, width, source);
  const actual = fnv1a(images);
  if (actual !== checksum) {
    throw new Error(
      `${source}: corrupt pixel data: checksum ${actual.toString(16)} does not match the header's ${checksum.toString(16)}`,
    );
  }
  return { images, labels, count, height, width };
}
