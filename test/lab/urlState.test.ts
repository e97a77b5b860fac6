import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { NUMBER_TEXT } from '../../src/lab/settingsRegistry';
import {
  countUrlProblems,
  decodeLab,
  encodeLab,
  labHash,
  MAX_LINK_QUERY_LENGTH,
  MAX_LISTED_NOTICES,
  queryOfHash,
} from '../../src/lab/urlState';

const base = DEFAULT_RUN_SETTINGS;

function messages(query: string): string[] {
  return decodeLab(query).notices.map((n) => n.message);
}

describe('encodeLab / decodeLab round trip', () => {
  it('reproduces a single run with every setting changed from the defaults', () => {
    const run: LabRunSettings = {
      dataset: 'mnist14',
      noise: 0.25,
      architecture: 'cnn',
      depth: 3,
      width: 12,
      activation: 'leakyRelu',
      norm: 'groupNorm',
      groups: 3,
      placement: 'after',
      // Batch 7 has no divisor between 2 and 7: ghost batches are tested in the next test.
      ghostBatch: 0,
      weightStandardization: true,
      residual: false,
      branchInit: 'skipInit',
      init: 'custom',
      initDistribution: 'uniform',
      initFanMode: 'fanAvg',
      initGain: 1.5,
      initMultiplier: 0.75,
      optimizer: 'adamw',
      learningRate: 0.0003,
      weightDecay: 0.05,
      batchSize: 7,
      seed: 4294967295,
      validationMode: 'train',
    };
    const decoded = decodeLab(encodeLab([run]));
    expect(decoded.notices).toEqual([]);
    expect(decoded.runs).toEqual([run]);
  });

  it('reproduces four runs, each with its own differences from A', () => {
    const a: LabRunSettings = { ...base, norm: 'batchNorm', learningRate: 0.05 };
    const runs: LabRunSettings[] = [
      a,
      { ...a, norm: 'none' },
      { ...a, learningRate: 0.3, init: 'xavierNormal' },
      { ...a, ghostBatch: 8 },
    ];
    const decoded = decodeLab(encodeLab(runs));
    expect(decoded.notices).toEqual([]);
    expect(decoded.runs).toEqual(runs);
  });

  it('lists every setting of A but only the differences of B', () => {
    const query = encodeLab([base, { ...base, norm: 'batchNorm' }]);
    expect(query).toContain('runs=2');
    expect(query).toContain('a.norm=none');
    expect(query).toContain('a.lr=0.03');
    expect(query).toContain('b.norm=batchNorm');
    expect(query.split('&').filter((p) => p.startsWith('b.'))).toEqual(['b.norm=batchNorm']);
  });

  it('builds a #/lab hash and reads the query back out of it', () => {
    const hash = labHash([base]);
    expect(hash.startsWith('#/lab?a.data=spiral&')).toBe(true);
    expect(decodeLab(queryOfHash(hash)).runs).toEqual([base]);
    expect(queryOfHash('#/lab')).toBe('');
  });

  it('writes a short link (for the room) without the settings A shares with the defaults', () => {
    const a: LabRunSettings = { ...base, dataset: 'mnist14', learningRate: 0.1 };
    const runs = [a, { ...a, norm: 'batchNorm' as const }];
    const short = encodeLab(runs, { short: true });
    expect(short).toBe('runs=2&a.data=mnist14&a.lr=0.1&b.norm=batchNorm');
    expect(short.length).toBeLessThan(encodeLab(runs).length / 4);
    const decoded = decodeLab(short);
    expect(decoded.notices).toEqual([]);
    expect(decoded.runs).toEqual(runs);
    expect(labHash([base], { short: true })).toBe('#/lab');
  });

  it('keeps very small and very large numbers exact', () => {
    const run = { ...base, learningRate: 0.0001, seed: 123456789 };
    expect(decodeLab(encodeLab([run])).runs[0]).toEqual(run);
  });
});

describe('decodeLab with partial links', () => {
  it('gives the default single run for an empty link', () => {
    expect(decodeLab('')).toEqual({ runs: [base], stopAt: null, notices: [] });
  });

  it('fills missing settings of A from the defaults', () => {
    const { runs, notices } = decodeLab('a.norm=batchNorm&a.init=kaimingNormal&a.lr=0.1');
    expect(notices).toEqual([]);
    expect(runs).toEqual([
      { ...base, norm: 'batchNorm', init: 'kaimingNormal', learningRate: 0.1 },
    ]);
  });

  it('makes B a copy of A with its own changes', () => {
    const { runs } = decodeLab('a.lr=0.05&b.norm=batchNorm');
    expect(runs).toEqual([
      { ...base, learningRate: 0.05 },
      { ...base, learningRate: 0.05, norm: 'batchNorm' },
    ]);
  });

  it('creates exact copies of A up to the requested number of runs', () => {
    const { runs } = decodeLab('runs=3&a.seed=9');
    expect(runs).toHaveLength(3);
    expect(runs[2]).toEqual({ ...base, seed: 9 });
  });

  it('creates the runs in between when a later run is set', () => {
    const { runs, notices } = decodeLab('c.batch=64');
    expect(notices).toEqual([]);
    expect(runs).toEqual([base, base, { ...base, batchSize: 64 }]);
  });

  it('accepts upper-case run letters and surrounding spaces in numbers', () => {
    const { runs, notices } = decodeLab('A.lr=%200.5%20');
    expect(notices).toEqual([]);
    expect(runs[0]?.learningRate).toBe(0.5);
  });
});

describe('decodeLab with corrupted links', () => {
  it('falls back to the default for a value that is not a number', () => {
    const { runs, notices } = decodeLab('a.lr=abc');
    expect(runs[0]?.learningRate).toBe(0.03);
    expect(notices).toEqual([
      { param: 'a.lr', message: 'a.lr=abc is not a number from 0.0001 to 10; used 0.03' },
    ]);
  });

  it("falls back to A's value for an invalid value in B", () => {
    const { runs, notices } = decodeLab('a.lr=0.02&b.lr=abc&b.norm=batchNorm');
    expect(runs[1]).toEqual({ ...base, learningRate: 0.02, norm: 'batchNorm' });
    expect(notices.map((n) => n.message)).toEqual([
      'b.lr=abc is not a number from 0.0001 to 10; used 0.02',
    ]);
  });

  it.each([
    [
      'numbers outside the range, non-integers where whole numbers are needed, and NaN',
      'a.lr=50&a.batch=2.5&a.depth=0&a.seed=-1&a.noise=NaN',
      [
        'a.lr=50 is not a number from 0.0001 to 10; used 0.03',
        'a.batch=2.5 is not a whole number from 1 to 512; used 32',
        'a.depth=0 is not a whole number from 1 to 100; used 4',
        'a.seed=-1 is not a whole number from 0 to 4,294,967,295; used 1',
        'a.noise=NaN is not a number from 0 to 0.5; used 0.1',
      ],
    ],
    [
      'empty values, Infinity and hexadecimal',
      'a.lr=&a.width=Infinity&a.batch=0x10',
      [
        'a.lr= is not a number from 0.0001 to 10; used 0.03',
        'a.width=Infinity is not a whole number from 2 to 512; used 32',
        'a.batch=0x10 is not a whole number from 1 to 512; used 32',
      ],
    ],
  ])('rejects %s', (_, query, expected) => {
    expect(messages(query)).toEqual(expected);
  });

  it('rejects unknown choices and wrong-case choices', () => {
    const { runs, notices } = decodeLab('a.norm=batchnorm&a.act=swish&a.res=yes');
    expect(runs[0]).toEqual(base);
    expect(notices.map((n) => n.message)).toEqual([
      'a.norm=batchnorm is not one of none, batchNorm, layerNorm, rmsNorm, groupNorm, instanceNorm; used none',
      'a.act=swish is not one of relu, leakyRelu, tanh, sigmoid, gelu; used relu',
      'a.res=yes is not true or false; used true',
    ]);
  });

  it('ignores unknown settings and unknown top-level keys, naming them', () => {
    const { runs, notices } = decodeLab('a.colour=red&utm_source=mail&a.lr=0.2');
    expect(runs).toEqual([{ ...base, learningRate: 0.2 }]);
    expect(notices.map((n) => n.param)).toEqual(['a.colour', 'utm_source']);
    expect(notices[0]?.message).toMatch(/^a\.colour is not a Lab setting .*; ignored$/);
  });

  it('ignores runs beyond D and caps the run count at 4', () => {
    const { runs, notices } = decodeLab('runs=6&e.lr=0.3&d.lr=0.2');
    expect(runs).toHaveLength(4);
    expect(runs[3]?.learningRate).toBe(0.2);
    expect(notices.map((n) => n.message)).toEqual([
      'runs=6: the Lab holds at most 4 runs (A–D); used 4',
      'e.lr: the Lab holds at most 4 runs (a to d); ignored',
    ]);
  });

  it('ignores a run count that is not a number', () => {
    const { runs, notices } = decodeLab('runs=two&b.lr=0.2');
    expect(runs).toHaveLength(2);
    expect(notices.map((n) => n.message)).toEqual([
      'runs=two is not a whole number from 1 to 4; ignored',
    ]);
  });

  it('uses the first of repeated parameters', () => {
    const { runs, notices } = decodeLab('a.lr=0.2&a.lr=0.3');
    expect(runs[0]?.learningRate).toBe(0.2);
    expect(notices.map((n) => n.message)).toEqual([
      'a.lr appears more than once; used the first value',
    ]);
  });

  it('shortens absurdly long values in notices', () => {
    const { notices } = decodeLab(`a.lr=${'9'.repeat(500)}`);
    expect(notices[0]?.message.length).toBeLessThan(120);
  });

  it('survives malformed percent-encoding and stray separators', () => {
    const { runs } = decodeLab('&&a.lr=%E0%A4%A&=&a.batch=16&');
    expect(runs[0]?.batchSize).toBe(16);
    expect(runs[0]?.learningRate).toBe(0.03);
  });

  it('repairs settings that are valid alone but not together', () => {
    const { runs, notices } = decodeLab(
      'a.data=xor&a.arch=cnn&a.norm=instanceNorm&a.width=12&a.groups=5',
    );
    expect(runs[0]).toMatchObject({ architecture: 'mlp', norm: 'none', groups: 4 });
    expect(notices.map((n) => n.message)).toEqual([
      'a.arch=cnn cannot be used: the CNN needs images, and XOR has 2-D points; used mlp',
      'a.norm=instanceNorm cannot be used: InstanceNorm normalizes over image pixels, so it needs the CNN; used none',
      "a.groups=5 cannot be used: GroupNorm's groups must divide the width (12); used 4",
    ]);
  });

  it('caps a CNN at its own depth and width limits', () => {
    const { runs, notices } = decodeLab('a.data=mnist14&a.arch=cnn&a.depth=40&a.width=200');
    expect(runs[0]).toMatchObject({ architecture: 'cnn', depth: 16, width: 64 });
    expect(notices).toHaveLength(2);
  });
});

describe('decodeLab on hostile links', () => {
  it('names the duplicate that was really ignored, whatever the case of the run letter', () => {
    const decoded = decodeLab('a.lr=0.5&A.lr=0.2&a.lr=0.9');
    expect(decoded.runs[0]?.learningRate).toBe(0.5);
    expect(decoded.notices.map((n) => n.message)).toEqual([
      'a.lr appears more than once; used the first value',
      'a.lr appears more than once; used the first value',
    ]);
    expect(decodeLab('B.norm=layerNorm&b.norm=none').runs[1]?.norm).toBe('layerNorm');
  });

  it('lists the first notices and counts the rest', () => {
    const small = Array.from({ length: 300 }, (_, i) => `u${i}=1`).join('&');
    const { notices } = decodeLab(small);
    expect(notices).toHaveLength(MAX_LISTED_NOTICES + 1);
    expect(notices.at(-1)).toEqual({
      param: '',
      message: `and ${300 - MAX_LISTED_NOTICES} more problems with this link`,
      more: 300 - MAX_LISTED_NOTICES,
    });
    expect(countUrlProblems(notices)).toBe(300);
  });

  it('shortens a long unknown parameter name in its notice', () => {
    const name = 'q'.repeat(2000);
    const [notice] = decodeLab(`${name}=1`).notices;
    expect(notice?.message.startsWith(`${'q'.repeat(40)}… is not a Lab setting`)).toBe(true);
    expect(notice?.message.length).toBeLessThan(300);
  });

  it('refuses a link over the documented size with one notice, using the defaults', () => {
    const query = `a.norm=batchNorm&z=${'9'.repeat(1024 * 1024)}`;
    const decoded = decodeLab(query);
    expect(decoded.runs).toEqual([base]);
    expect(decoded.notices).toEqual([
      {
        param: '',
        message:
          'This link is 1,025 KB long, and the Lab reads links of at most 8 KB (its own are under 2 KB), so it was not read; used the default settings',
      },
    ]);
    // a link just at the limit is still read
    const atLimit = `a.norm=batchNorm&${'z'.repeat(MAX_LINK_QUERY_LENGTH - 19)}=1`;
    expect(atLimit).toHaveLength(MAX_LINK_QUERY_LENGTH);
    expect(decodeLab(atLimit).runs[0]?.norm).toBe('batchNorm');
  });

  // The numeric pattern once backtracked quadratically on digits followed by a non-digit (audit H2):
  // 200,000 digits took 23 s. Linear matching does a megabyte in milliseconds; the bound below is
  // generous (a quadratic matcher would need minutes), so the test does not depend on the machine.
  it('matches numbers in linear time, even a megabyte of digits with a bad ending', () => {
    for (const size of [1_000, 10_000, 100_000, 1_000_000]) {
      const started = performance.now();
      for (const tail of ['x', '.x', 'e', '.5e+', '1.1.1']) {
        expect(NUMBER_TEXT.test(`${'1'.repeat(size)}${tail}`)).toBe(false);
        expect(NUMBER_TEXT.test(`.${'1'.repeat(size)}${tail}`)).toBe(false);
      }
      expect(NUMBER_TEXT.test(`-${'1'.repeat(size)}.${'2'.repeat(size)}e-${'3'.repeat(10)}`)).toBe(
        true,
      );
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });

  it('reads a link at the size limit made of worst-case pieces quickly', () => {
    const shapes = [
      `a.lr=${'1'.repeat(MAX_LINK_QUERY_LENGTH - 10)}x`,
      Array.from({ length: MAX_LINK_QUERY_LENGTH / 16 }, () => 'a.lr=1111111111x').join('&'),
      '&'.repeat(MAX_LINK_QUERY_LENGTH),
      '%'.repeat(MAX_LINK_QUERY_LENGTH),
      'a.'.repeat(MAX_LINK_QUERY_LENGTH / 2),
    ];
    for (const query of shapes) {
      const started = performance.now();
      const decoded = decodeLab(query);
      expect(decoded.runs.length).toBeGreaterThanOrEqual(1);
      expect(decoded.notices.length).toBeLessThanOrEqual(MAX_LISTED_NOTICES + 1);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});
