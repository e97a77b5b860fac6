import { describe, expect, it } from 'vitest';
import { CsvError } from '../../../src/data/csv/csvError';
import { MAX_CLASSES, MAX_FEATURES, MAX_ROWS } from '../../../src/data/csv/csvLimits';
import { decodeCsv, parseCsvTable } from '../../../src/data/csv/csvTable';
import { ownDataFromCsv } from '../../../src/data/csv/ownDataFromCsv';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Parses `text` with the label in `labelColumn` (default: the last column). */
function read(text: string, labelColumn?: number) {
  const table = parseCsvTable(decodeCsv(utf8(text)), 'test.csv');
  return ownDataFromCsv(table, labelColumn ?? table.columns.length - 1);
}

/** The CsvError `run` throws. */
function failure(run: () => unknown): CsvError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('expected a CsvError, nothing was thrown');
}

describe('reading a good CSV', () => {
  it('takes the header as names, every other column as features and sorts the classes', () => {
    const data = read('x,y,species\n1,2,setosa\n3.5,-4e-1,virginica\n5,6,setosa\n');
    expect(data.featureNames).toEqual(['x', 'y']);
    expect(data.classNames).toEqual(['setosa', 'virginica']);
    expect(data.count).toBe(3);
    expect([...data.x]).toEqual([1, 2, 3.5, Math.fround(-0.4), 5, 6]);
    expect([...data.y]).toEqual([0, 1, 0]);
    expect(data.source).toBe('csv');
    expect(data.name).toBe('test.csv');
  });

  it('lets the learner choose the label column, and orders numeric classes by value', () => {
    const data = read('label,a,b\n10,1,2\n2,3,4\n10.0,5,6\n', 0);
    expect(data.featureNames).toEqual(['a', 'b']);
    // "10" and "10.0" are the same class; 2 sorts before 10 as a number.
    expect(data.classNames).toEqual(['2', '10']);
    expect([...data.y]).toEqual([1, 0, 1]);
    expect([...data.x]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads a file without a header, semicolons, a BOM, CRLF and blank lines', () => {
    const data = read('\uFEFF1;2;0\r\n\r\n3;4;1\r\n5;6;1\r\n');
    expect(data.featureNames).toEqual(['column 1', 'column 2']);
    expect(data.classNames).toEqual(['0', '1']);
    expect(data.count).toBe(3);
  });
});

describe('a bad CSV names the line, the column and what was expected', () => {
  it.each([
    [
      'a feature that is not a number',
      'a,b,label\n1,2,x\n3,abc,y\n',
      'notANumber',
      [3, 2],
      '"abc" at line 3, column 2 (b) is not a number',
    ],
    [
      'a missing feature value',
      'a,b,label\n1,2,x\n3,4,y\n5,,x\n',
      'missing',
      [4, 2],
      'line 4, column 2 (b)',
    ],
    [
      'a missing label',
      'a,b,label\n1,2,\n3,4,y\n',
      'missing',
      [2, 3],
      'label is missing at line 2, column 3 (label)',
    ],
    [
      'a line with the wrong number of values',
      'a,b,label\n1,2,x\n3,4\n',
      'ragged',
      [3, 3],
      'Line 3 has 2 values, but the header has 3 columns',
    ],
  ])('%s', (_, text, kind, lineAndColumn, says) => {
    const error = failure(() => read(text));
    expect(error.kind).toBe(kind);
    expect([error.line, error.column]).toEqual(lineAndColumn);
    expect(error.message).toContain(says);
  });

  it('the first problem in file order, whichever column it is in', () => {
    const error = failure(() => read('a,b,label\n1,2,x\n3,,y\nz,4,x\n'));
    expect([error.kind, error.line, error.column]).toEqual(['missing', 3, 2]);
  });

  it('a label column with a single class', () => {
    const error = failure(() => read('a,label\n1,yes\n2,yes\n'));
    expect(error.kind).toBe('singleClass');
    expect(error.column).toBe(2);
    expect(error.message).toContain('column 2 (label) has a single class, "yes"');
  });

  it('too many classes: the line of the first value past the limit', () => {
    const rows = Array.from({ length: MAX_CLASSES + 5 }, (_, i) => `${i},${i * 0.5}`);
    const error = failure(() => read(`a,price\n${rows.join('\n')}\n`));
    expect(error.kind).toBe('tooManyClasses');
    expect([error.line, error.column]).toEqual([MAX_CLASSES + 2, 2]);
    expect(error.message).toContain(`at most ${MAX_CLASSES} classes`);
  });

  it('too many rows: the line of the first row past the limit', () => {
    const text = `a,label\n${'1,0\n2,1\n'.repeat(MAX_ROWS / 2)}3,0\n`;
    const error = failure(() => read(text));
    expect(error.kind).toBe('tooManyRows');
    expect(error.line).toBe(MAX_ROWS + 2);
    expect(error.message).toContain('at most 50,000 rows');
  });

  it('too many feature columns', () => {
    const header = Array.from({ length: MAX_FEATURES + 2 }, (_, j) => `f${j}`).join(',');
    const error = failure(() => read(`${header}\n`));
    expect(error.kind).toBe('tooManyFeatures');
    expect(error.line).toBe(1);
    expect(error.message).toContain(`at most ${MAX_FEATURES} feature columns`);
  });

  it('an empty file, a blank file and a header without rows', () => {
    expect(failure(() => decodeCsv(new Uint8Array())).kind).toBe('empty');
    expect(failure(() => read(' \n\n')).kind).toBe('empty');
    const noRows = failure(() => read('a,b,label\n'));
    expect([noRows.kind, noRows.line]).toEqual(['noRows', 2]);
  });

  it('a quote that is never closed', () => {
    const error = failure(() => read('a,b,label\n1,2,x\n3,"4,y\n'));
    expect(error.kind).toBe('malformed');
    expect(error.line).toBe(3);
  });

  it('a single column', () => {
    expect(failure(() => read('label\nx\ny\n')).kind).toBe('tooFewColumns');
  });

  it('a wrong encoding: Windows-1252 bytes, and UTF-16', () => {
    // "café" in Windows-1252 on line 3: 0xE9 alone is not UTF-8.
    const bytes = Uint8Array.from([...utf8('a,label\n1,x\n2,caf'), 0xe9, ...utf8('\n')]);
    const latin = failure(() => decodeCsv(bytes));
    expect([latin.kind, latin.line]).toEqual(['encoding', 3]);
    expect(latin.message).toContain('0xE9');
    expect(latin.message).toContain('UTF-8');
    const utf16 = failure(() => decodeCsv(Uint8Array.from([0xff, 0xfe, 0x61, 0x00])));
    expect([utf16.kind, utf16.line]).toEqual(['encoding', 1]);
  });

  it('counts lines of quoted values that span lines', () => {
    const error = failure(() => read('a,b,label\n1,2,"two\nlines"\n3,q,y\n'));
    expect([error.kind, error.line]).toEqual(['notANumber', 4]);
  });
});
