/** What was wrong with a learner's CSV file. */
export type CsvErrorKind =
  | 'encoding'
  | 'empty'
  | 'tooLarge'
  | 'noRows'
  | 'malformed'
  | 'ragged'
  | 'tooManyRows'
  | 'tooManyFeatures'
  | 'tooFewColumns'
  | 'notANumber'
  | 'missing'
  | 'singleClass'
  | 'tooManyClasses';
import { formatCount } from '../../engine/text/numberText';

/**
 * A problem with a CSV file, for the learner: the message says what was wrong, where (line and
 * column, both counted from 1 as an editor shows them) and what is allowed.
 */
export class CsvError extends Error {
  readonly kind: CsvErrorKind;
  readonly line: number | undefined;
  /** 1-based column number. */
  readonly column: number | undefined;

  constructor(kind: CsvErrorKind, message: string, where: { line?: number; column?: number } = {}) {
    super(message);
    this.name = 'CsvError';
    this.kind = kind;
    this.line = where.line;
    this.column = where.column;
  }
}

/** "line 7, column 3 (petal_length)" */
export function cellPlace(line: number, column: number, name: string): string {
  return `line ${formatCount(line)}, column ${column} (${name})`;
}
