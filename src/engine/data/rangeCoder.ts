/**
 * An adaptive binary range coder (the carry-less scheme of LZMA's coder), used to store MNIST
 * losslessly in well under the size gzip or xz reach (see `pixelCodec.ts`).
 *
 * Every coded bit names a slot of a `BitModel`: an adaptive estimate of P(bit = 0) that learns
 * quickly at first (rate 1 / (n + 1.5) after n observations) and then settles to a fixed rate, so
 * rarely used contexts still adapt and frequent ones become precise. Encoder and decoder run the
 * same integer update, so they agree bit for bit on every platform.
 */

const PROB_ONE = 65536;
const PROB_MIN = 32;
const PROB_MAX = PROB_ONE - PROB_MIN;
const RATE_LIMIT = 30;
const TOP = 2 ** 24;
const TWO_POW_32 = 2 ** 32;

/** RATE[n] ≈ 65536 / (n + 1.5): the learning rate of a slot after n observations. */
const RATE = Int32Array.from({ length: RATE_LIMIT + 1 }, (_, n) =>
  Math.round(PROB_ONE / (n + 1.5)),
);

/** Adaptive probabilities for `size` binary contexts. */
export interface BitModel {
  /** P(bit = 0) in units of 1/65536. */
  readonly p0: Uint16Array;
  /** How many bits each slot has seen, saturating at RATE_LIMIT. */
  readonly seen: Uint8Array;
}

export function createBitModel(size: number): BitModel {
  return { p0: new Uint16Array(size).fill(PROB_ONE / 2), seen: new Uint8Array(size) };
}

/** Moves slot `i` towards the bit just coded. Returns nothing: both coders call it identically. */
function adapt(model: BitModel, i: number, bit: number): void {
  const p = model.p0[i]!;
  const n = model.seen[i]!;
  const target = bit === 0 ? PROB_ONE - 1 : 0;
  // p += (target − p) · rate; trunc of an exact float product keeps encoder and decoder in lockstep.
  const next = p + Math.trunc(((target - p) * RATE[n]!) / PROB_ONE);
  model.p0[i] = next < PROB_MIN ? PROB_MIN : next > PROB_MAX ? PROB_MAX : next;
  if (n < RATE_LIMIT) model.seen[i] = n + 1;
}

/** Codes one bit: the encoder writes `bit`, the decoder ignores it and returns what it reads. */
export interface BitCoder {
  code(model: BitModel, i: number, bit: number): number;
}

export class RangeEncoder implements BitCoder {
  private low = 0; // up to 33 bits, so a plain number rather than uint32
  private range = TWO_POW_32 - 1;
  private cache = 0;
  private pending = 1;
  private out = new Uint8Array(1 << 16);
  private length = 0;

  code(model: BitModel, i: number, bit: number): number {
    // bound = range · P(0), exact: range · p0 < 2^48
    const bound = Math.floor((this.range * model.p0[i]!) / PROB_ONE);
    if (bit === 0) {
      this.range = bound;
    } else {
      this.low += bound;
      this.range -= bound;
    }
    adapt(model, i, bit);
    while (this.range < TOP) {
      this.range *= 256;
      this.shiftLow();
    }
    return bit;
  }

  /** Flushes the coder and returns the bytes written. The encoder cannot be used afterwards. */
  finish(): Uint8Array {
    for (let k = 0; k < 5; k++) this.shiftLow();
    return this.out.slice(0, this.length);
  }

  private shiftLow(): void {
    // A byte is final once no carry can reach it: delay 0xFF runs until the carry is known.
    if (this.low < 0xff000000 || this.low >= TWO_POW_32) {
      const carry = this.low >= TWO_POW_32 ? 1 : 0;
      let byte = this.cache;
      do {
        this.write((byte + carry) & 0xff);
        byte = 0xff;
      } while (--this.pending !== 0);
      this.cache = Math.floor(this.low / TOP) & 0xff;
    }
    this.pending++;
    this.low = (this.low % TOP) * 256;
  }

  private write(byte: number): void {
    if (this.length === this.out.length) {
      const grown = new Uint8Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.length++] = byte;
  }
}

export class RangeDecoder implements BitCoder {
  private range = TWO_POW_32 - 1;
  private value = 0;
  private position = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly where: string,
  ) {
    for (let k = 0; k < 5; k++) this.value = (this.value % TOP) * 256 + this.nextByte();
  }

  code(model: BitModel, i: number, _bit: number): number {
    const bound = Math.floor((this.range * model.p0[i]!) / PROB_ONE);
    let bit: number;
    if (this.value < bound) {
      this.range = bound;
      bit = 0;
    } else {
      this.value -= bound;
      this.range -= bound;
      bit = 1;
    }
    adapt(model, i, bit);
    while (this.range < TOP) {
      this.range *= 256;
      this.value = this.value * 256 + this.nextByte();
    }
    return bit;
  }

  /** Bytes consumed so far. */
  get consumed(): number {
    return this.position;
  }

  private nextByte(): number {
    if (this.position >= this.bytes.length) {
      throw new Error(
        `${this.where}: compressed data ends after ${this.bytes.length} bytes, before all pixels were decoded (truncated or corrupt)`,
      );
    }
    return this.bytes[this.position++]!;
  }
}
