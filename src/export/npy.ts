import { zipSync } from 'fflate';

/**
 * NumPy's .npy format (version 1.0) and .npz archives, so the exported script reads the very bytes
 * the engine used with a plain `np.load`. Little-endian, C order, as every typed array here is.
 */
export type NpyArray = Float32Array | Int32Array | BigInt64Array;

const DESCR: Record<string, string> = {
  Float32Array: '<f4',
  Int32Array: '<i4',
  BigInt64Array: '<i8',
};

export function encodeNpy(array: NpyArray, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== array.length) {
    throw new Error(
      `encodeNpy: shape [${shape.join(', ')}] needs ${count} values, the array has ${array.length}`,
    );
  }
  const descr = DESCR[array.constructor.name];
  if (descr === undefined)
    throw new Error(`encodeNpy: unsupported array ${array.constructor.name}`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64, ending in \n
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + array.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  out[8] = header.length & 0xff;
  out[9] = header.length >> 8;
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), 10 + header.length);
  return out;
}

export interface NpzEntry {
  readonly name: string;
  readonly array: NpyArray;
  readonly shape: readonly number[];
}

/** An .npz archive: one `<name>.npy` per entry, deflated (np.load reads both stored and deflated). */
export function encodeNpz(entries: readonly NpzEntry[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const { name, array, shape } of entries) files[`${name}.npy`] = encodeNpy(array, shape);
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}
