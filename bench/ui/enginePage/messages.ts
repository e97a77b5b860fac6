import type { GemmBackend } from '../../../src/engine/kernels/gemmFast';
import type { Rate } from '../../measure';

export interface EngineBenchRequest {
  readonly name: string;
}

export type EngineBenchReply =
  | {
      readonly ok: true;
      readonly name: string;
      readonly backend: GemmBackend;
      readonly rate: Rate;
      readonly firstLoss: number;
      readonly lastLoss: number;
    }
  | { readonly ok: false; readonly message: string };

declare global {
  interface Window {
    /** Set by main.ts: trains `name` in a fresh worker and resolves with the measurement. */
    normlabEngineBench?: (name: string) => Promise<EngineBenchReply>;
  }
}
