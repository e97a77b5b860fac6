import { describe, expect, it } from 'vitest';
import { makeCoherent } from '../../src/lab/coherence';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { settingsProblems } from '../../src/lab/settingsProblems';

const base = DEFAULT_RUN_SETTINGS;

describe('makeCoherent', () => {
  it('leaves coherent settings alone', () => {
    expect(makeCoherent(base)).toEqual({ settings: base, fixes: [] });
  });

  it('falls back to the MLP on 2-D points', () => {
    const { settings, fixes } = makeCoherent({ ...base, dataset: 'blobs', architecture: 'cnn' });
    expect(settings.architecture).toBe('mlp');
    expect(fixes.map((f) => f.key)).toEqual(['architecture']);
  });

  it('picks the largest group count that divides the width', () => {
    expect(makeCoherent({ ...base, width: 30, groups: 4 }).settings.groups).toBe(3);
    expect(makeCoherent({ ...base, width: 7, groups: 6 }).settings.groups).toBe(1);
  });
});

describe('settingsProblems', () => {
  it('reports batch size 1 with BatchNorm in the MLP as an error that names the fixes', () => {
    const problems = settingsProblems({ ...base, norm: 'batchNorm', batchSize: 1 });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe('error');
    expect(problems[0]?.message).toMatch(/Expected more than 1 value per channel when training/);
    expect(problems[0]?.message).toMatch(/Eval mode/);
    expect(problems[0]?.message).toMatch(/GroupNorm/);
  });

  it('only warns for a CNN with batch size 1, where BatchNorm averages over pixels too', () => {
    const problems = settingsProblems({
      ...base,
      dataset: 'mnist14',
      architecture: 'cnn',
      norm: 'batchNorm',
      batchSize: 1,
    });
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('warns about tiny BatchNorm batches but not about GroupNorm with batch size 1', () => {
    expect(settingsProblems({ ...base, norm: 'batchNorm', batchSize: 2 })[0]?.severity).toBe(
      'warning',
    );
    expect(settingsProblems({ ...base, norm: 'groupNorm', batchSize: 1 })).toEqual([]);
  });

  it('warns about zero init and about deep Xavier + ReLU without normalization', () => {
    expect(settingsProblems({ ...base, init: 'zeros' })[0]?.title).toMatch(/symmetry/);
    expect(settingsProblems({ ...base, init: 'xavierNormal', depth: 12 })[0]?.title).toMatch(
      /Xavier init with ReLU/,
    );
    expect(settingsProblems({ ...base, init: 'xavierNormal', depth: 3 })).toEqual([]);
  });
});
