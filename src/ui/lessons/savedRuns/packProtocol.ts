import type { ProbeSnapshot } from '../../../engine/probes/probe';
import type { SavedRecord } from './savedExperiment';

/**
 * One probe frame of run `run` of the record `id`, sent ahead of the record: a finished experiment's
 * frames (up to 200 a run, a histogram and statistics per layer each) posted with it in one message
 * made one main-thread task of 1.4 s CPU at 4× throttling for a 50-layer network (the structured
 * clone), so the page sends them a few at a time, in tasks of their own (packClient.ts).
 */
export interface PackFrame {
  readonly type: 'frame';
  readonly id: number;
  readonly run: number;
  readonly frame: ProbeSnapshot;
}

/**
 * A finished experiment's record to pack as text of at most `maxChars` characters: its runs'
 * probe histories are the frames sent for `id` before it, in order.
 */
export interface PackRequest {
  readonly type: 'pack';
  readonly id: number;
  readonly record: SavedRecord;
  readonly maxChars: number;
}

export type PackMessage = PackFrame | PackRequest;

/** The packed text, or undefined when even a thinned copy is too large to keep. */
export interface PackReply {
  readonly id: number;
  readonly text: string | undefined;
}
