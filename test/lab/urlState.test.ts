import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { decodeLab, encodeLab, labHash, queryOfHash } from '../../src/lab/urlState';

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
      residual: false,
      init: 'custom',
      initDistribution: 'uniform',
      initFanMode: 'fanAvg',
      initGain: 1.5,
      initMultiplier: 0.75,
      optimizer: 'adam',
      learningRate: 0.0003,
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
      { ...a },
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

  it('keeps very small and very large numbers exact', () => {
    const run = { ...base, learningRate: 0.0001, seed: 123456789 };
    expect(decodeLab(encodeLab([run])).runs[0]).toEqual(run);
  });
});

describe('decodeLab with partial links', () => {
  it('gives the default single run for an empty link', () => {
    expect(decodeLab('')).toEqual({ runs: [base], notices: [] });
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

  it('rejects numbers outside the range, non-integers where whole numbers are needed, and NaN', () => {
    expect(messages('a.lr=50&a.batch=2.5&a.depth=0&a.seed=-1&a.noise=NaN')).toEqual([
      'a.lr=50 is not a number from 0.0001 to 10; used 0.03',
      'a.batch=2.5 is not a whole number from 1 to 512; used 32',
      'a.depth=0 is not a whole number from 1 to 100; used 4',
      'a.seed=-1 is not a whole number from 0 to 4294967295; used 1',
      'a.noise=NaN is not a number from 0 to 0.5; used 0.1',
    ]);
  });

  it('rejects empty values, Infinity and hexadecimal', () => {
    expect(messages('a.lr=&a.width=Infinity&a.batch=0x10')).toEqual([
      'a.lr= is not a number from 0.0001 to 10; used 0.03',
      'a.width=Infinity is not a whole number from 2 to 512; used 32',
      'a.batch=0x10 is not a whole number from 1 to 512; used 32',
    ]);
  });

  it('rejects unknown choices and wrong-case choices', () => {
    const { runs, notices } = decodeLab('a.norm=batchnorm&a.act=swish&a.res=yes');
    expect(runs[0]).toEqual(base);
    expect(notices.map((n) => n.message)).toEqual([
      'a.norm=batchnorm is not one of none, batchNorm, layerNorm, groupNorm, instanceNorm; used none',
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
