import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * JSON that carries typed arrays as their bytes, deflated and written as base64: the compact text
 * a finished experiment is kept as in sessionStorage (histogram counts and losses are mostly
 * typed arrays, which plain JSON would spell out digit by digit).
 */

const TYPED = {
  f32: Float32Array,
  f64: Float64Array,
  i32: Int32Array,
  u32: Uint32Array,
  u8: Uint8Array,
} as const;
type TypedTag = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedTag]>;

interface TaggedBytes {
  readonly $typed: TypedTag;
  readonly bytes: string;
}

function tagOf(value: unknown): TypedTag | undefined {
  for (const tag of Object.keys(TYPED) as TypedTag[]) {
    if (value instanceof TYPED[tag]) return tag;
  }
  return undefined;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isTagged(value: unknown): value is TaggedBytes {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TaggedBytes).$typed === 'string' &&
    typeof (value as TaggedBytes).bytes === 'string'
  );
}

export function packJson(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => {
    const tag = tagOf(v);
    if (tag === undefined) return v;
    const typed = v as Typed;
    return {
      $typed: tag,
      bytes: bytesToBase64(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)),
    };
  });
  return bytesToBase64(deflateSync(strToU8(json)));
}

/** The value `packJson` was given. Throws on text it did not write. */
export function unpackJson(text: string): unknown {
  const json = strFromU8(inflateSync(base64ToBytes(text)));
  return JSON.parse(json, (_key, v: unknown) => {
    if (!isTagged(v)) return v;
    const Kind = TYPED[v.$typed];
    if (Kind === undefined) throw new Error(`unknown typed array '${v.$typed}'`);
    const bytes = base64ToBytes(v.bytes);
    if (bytes.length % Kind.BYTES_PER_ELEMENT !== 0) throw new Error('truncated typed array');
    return new Kind(bytes.buffer, 0, bytes.length / Kind.BYTES_PER_ELEMENT);
  });
}
