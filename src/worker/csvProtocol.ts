import type { CsvErrorKind } from '../data/csv/csvError';
import type { CsvTable } from '../data/csv/csvTable';

/** The page asks the CSV worker to read one file… */
export interface CsvRequest {
  readonly id: number;
  readonly file: Blob;
  readonly fileName: string;
}

/** …and gets its columns, or what is wrong with it (a CsvError as plain data). */
export type CsvReply =
  | { readonly id: number; readonly ok: true; readonly table: CsvTable }
  | {
      readonly id: number;
      readonly ok: false;
      readonly kind: CsvErrorKind | 'unexpected';
      readonly message: string;
      readonly line?: number;
      readonly column?: number;
    };
