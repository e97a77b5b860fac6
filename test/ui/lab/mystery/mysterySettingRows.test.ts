import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../../../src/lab/labSettings';
import type { SettingKey } from '../../../../src/lab/labSettings';
import { mysterySettingRows } from '../../../../src/ui/lab/mystery/MysterySettings';

const bn: LabRunSettings = { ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm', batchSize: 32 };
const shown = (s: LabRunSettings, hidden: SettingKey[]) =>
  mysterySettingRows(s, new Set(hidden))
    .filter((row) => !row.hidden)
    .map((row) => row.key);

describe('a mystery run’s setting rows', () => {
  it('show ghost batches and weight standardization where they apply and nothing is hidden', () => {
    expect(shown(bn, [])).toEqual(expect.arrayContaining(['ghostBatch', 'weightStandardization']));
    expect(shown({ ...bn, norm: 'groupNorm' }, [])).not.toContain('ghostBatch');
    expect(shown({ ...bn, norm: 'none' }, [])).not.toContain('weightStandardization');
  });

  it('leave them out when they would give a hidden normalization or batch size away', () => {
    expect(shown(bn, ['norm'])).not.toContain('ghostBatch');
    expect(shown(bn, ['norm'])).not.toContain('weightStandardization');
    // The ghost batch choices are the batch size's divisors.
    expect(shown(bn, ['batchSize'])).not.toContain('ghostBatch');
    expect(shown(bn, ['batchSize'])).toContain('weightStandardization');
  });
});
