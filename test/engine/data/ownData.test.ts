import { describe, expect, it } from 'vitest';
import {
  OwnDataError,
  ownDataFingerprint,
  ownDataSplit,
  type OwnData,
} from '../../../src/engine/data/ownData';

/** n rows of two features; class i mod 2; feature 0 is the row number. */
function table(n: number): OwnData {
  const x = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = i % 2 === 0 ? 10 : 20;
  }
  return {
    name: 't.csv',
    source: 'csv',
    featureNames: ['row', 'level'],
    classNames: ['even', 'odd'],
    count: n,
    x,
    y: Int32Array.from({ length: n }, (_, i) => i % 2),
  };
}

describe('ownDataSplit', () => {
  it('holds out the chosen share, stratified, the same rows every time', () => {
    const data = table(100);
    const a = ownDataSplit(data, { validationFraction: 0.3, standardize: false });
    const b = ownDataSplit(data, { validationFraction: 0.3, standardize: false });
    expect([a.train.count, a.test.count]).toEqual([70, 30]);
    expect(a.test.y.filter((c) => c === 1).length).toBe(15);
    expect([...a.test.x]).toEqual([...b.test.x]);
    // Every row lands in exactly one half, with its own label.
    const rows = [
      ...a.train.x.filter((_, i) => i % 2 === 0),
      ...a.test.x.filter((_, i) => i % 2 === 0),
    ];
    expect(rows.sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    a.train.y.forEach((label, i) => expect(label).toBe(a.train.x[2 * i]! % 2));
    expect(a.train.sampleShape).toEqual([2]);
    expect(a.featureStats).toBeUndefined();
  });

  it('standardizes with the training rows only', () => {
    const { train, test, featureStats } = ownDataSplit(table(100), {
      validationFraction: 0.2,
      standardize: true,
    });
    const column = (x: Float32Array, j: number) => x.filter((_, i) => i % 2 === j);
    const mean = (v: Float32Array) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(column(train.x, 0))).toBeCloseTo(0, 5);
    expect(mean(column(train.x, 1))).toBeCloseTo(0, 5);
    // level is 10 or 20 in equal numbers: standardized to exactly ±1.
    expect(new Set(column(train.x, 1))).toEqual(new Set([-1, 1]));
    expect(new Set(column(test.x, 1))).toEqual(new Set([-1, 1]));
    expect(featureStats?.mean[1]).toBe(15);
  });

  it('refuses a class with fewer than two rows and a validation share of no row', () => {
    const data = { ...table(5), y: Int32Array.from([0, 0, 0, 0, 1]) };
    expect(() => ownDataSplit(data, { validationFraction: 0.2, standardize: false })).toThrow(
      "Class 'odd' has 1 row; every class needs at least 2",
    );
    expect(() => ownDataSplit(table(6), { validationFraction: 0.05, standardize: false })).toThrow(
      OwnDataError,
    );
    expect(() => ownDataSplit(table(10), { validationFraction: 0.9, standardize: false })).toThrow(
      'from 5% to 50%',
    );
  });
});

describe('ownDataFingerprint', () => {
  it('changes with a value, a label or an option, not otherwise', () => {
    const options = { validationFraction: 0.2, standardize: true };
    const base = ownDataFingerprint(table(10), options);
    expect(ownDataFingerprint(table(10), options)).toBe(base);
    const changed = table(10);
    changed.x[3] = 99;
    expect(ownDataFingerprint(changed, options)).not.toBe(base);
    expect(ownDataFingerprint(table(10), { ...options, standardize: false })).not.toBe(base);
  });
});
