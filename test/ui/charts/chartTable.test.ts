import { describe, expect, it } from 'vitest';
import { markColumns, toCsv, wideTable } from '../../../src/ui/charts/exporting/chartTable';

describe('chart tables', () => {
  it('puts the x column first, one column per series, one row per x any series has', () => {
    const table = wideTable('Step', [
      { header: 'A training (Loss)', xs: [1, 2, 3], ys: [2.3, 1.9, 1.5] },
      { header: 'A validation (Loss)', xs: [0, 3], ys: [2.31, 1.6] },
    ]);
    expect(table.header).toEqual(['Step', 'A training (Loss)', 'A validation (Loss)']);
    expect(table.rows).toEqual([
      ['0', '', '2.31'],
      ['1', '2.3', ''],
      ['2', '1.9', ''],
      ['3', '1.5', '1.6'],
    ]);
  });

  it('names line columns by series and quantity, and leaves non-finite values empty', () => {
    const columns = markColumns(
      [
        {
          kind: 'line',
          series: { name: 'B: BatchNorm training', color: '#000', xs: [1, 2], ys: [1, NaN] },
        },
        { kind: 'rule', y: 1, color: '#000', dash: [2, 2] },
      ],
      'Loss',
      'Loss',
    );
    expect(columns.map((c) => c.header)).toEqual(['B: BatchNorm training (Loss)']);
    expect(wideTable('Step', columns).rows).toEqual([
      ['1', '1'],
      ['2', ''],
    ]);
  });

  it('writes RFC 4180 CSV, quoting headers with commas', () => {
    const csv = toCsv({ header: ['Step', 'A: lr 0.1, Adam (Loss)'], rows: [['1', '2.5']] });
    expect(csv).toBe('Step,"A: lr 0.1, Adam (Loss)"\r\n1,2.5\r\n');
  });
});
