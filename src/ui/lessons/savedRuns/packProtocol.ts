import type { SavedRecord } from './savedExperiment';

/** A finished experiment's record to pack as text of at most `maxChars` characters. */
export interface PackRequest {
  readonly id: number;
  readonly record: SavedRecord;
  readonly maxChars: number;
}

/** The packed text, or undefined when even a thinned copy is too large to keep. */
export interface PackReply {
  readonly id: number;
  readonly text: string | undefined;
}
