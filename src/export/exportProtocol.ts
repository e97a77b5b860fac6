import type { ExportRun } from './exportBundle';

/** UI → export worker: build the zip of these runs. */
export interface ExportRequest {
  readonly id: number;
  readonly runs: readonly ExportRun[];
  /** The zip's folder name (and file name, with .zip). */
  readonly name: string;
}

/** Export worker → UI: the zip's bytes (transferred), or a sentence saying why there is none. */
export type ExportReply =
  | { readonly id: number; readonly ok: true; readonly zip: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string };
