import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import {
  describeStopAt,
  encodeStopAt,
  parseStopAt,
  reachedStop,
  STOP_LIMITS,
  stopStep,
  type StopAt,
} from '../../src/lab/stopAt';
import { decodeLab, encodeLab } from '../../src/lab/urlState';

describe('Stop at in a link', () => {
  it.each<StopAt>([
    { count: 200, unit: 'steps' },
    { count: 1, unit: 'steps' },
    { count: STOP_LIMITS.steps, unit: 'steps' },
    { count: 3, unit: 'epochs' },
    { count: STOP_LIMITS.epochs, unit: 'epochs' },
  ])('survives a link: %o', (stop) => {
    const query = `${encodeLab([DEFAULT_RUN_SETTINGS])}&${encodeStopAt(stop)}`;
    const decoded = decodeLab(query);
    expect(decoded.stopAt).toEqual(stop);
    expect(decoded.notices).toEqual([]);
  });

  it('writes steps as stop=N alone, epochs with stopunit, and nothing for none', () => {
    expect(encodeStopAt({ count: 200, unit: 'steps' })).toBe('stop=200');
    expect(encodeStopAt({ count: 3, unit: 'epochs' })).toBe('stop=3&stopunit=epochs');
    expect(encodeStopAt(null)).toBe('');
    expect(decodeLab('a.lr=0.1').stopAt).toBeNull();
  });

  it('reports every value it cannot use, saying what is allowed, and trains until paused', () => {
    const cases: [string, string][] = [
      [
        'stop=abc',
        'stop=abc is not a whole number from 1 to 100,000 (steps); the runs train until paused',
      ],
      [
        'stop=0',
        'stop=0 is not a whole number from 1 to 100,000 (steps); the runs train until paused',
      ],
      [
        'stop=2.5',
        'stop=2.5 is not a whole number from 1 to 100,000 (steps); the runs train until paused',
      ],
      [
        'stop=20000&stopunit=epochs',
        'stop=20000 is not a whole number from 1 to 10,000 (epochs); the runs train until paused',
      ],
      [
        'stopunit=epochs',
        'stopunit=epochs comes without stop=<count>; the runs train until paused',
      ],
    ];
    for (const [query, message] of cases) {
      const decoded = decodeLab(query);
      expect(decoded.stopAt, query).toBeNull();
      expect(decoded.notices.map((n) => n.message)).toEqual([message]);
    }
  });

  it('counts in steps when the unit is not one it knows, and says so', () => {
    const decoded = decodeLab('stop=300&stopunit=weeks');
    expect(decoded.stopAt).toEqual({ count: 300, unit: 'steps' });
    expect(decoded.notices).toEqual([
      {
        param: 'stopunit',
        message: 'stopunit=weeks is not one of steps, epochs; counted in steps',
      },
    ]);
  });

  it('uses the first of two stop parameters and reports the second', () => {
    const decoded = decodeLab('stop=100&stop=300');
    expect(decoded.stopAt).toEqual({ count: 100, unit: 'steps' });
    expect(decoded.notices.map((n) => n.message)).toEqual([
      'stop appears more than once; used the first value',
    ]);
  });

  it('does not read a huge value (linear time, short notice)', () => {
    const { problems } = parseStopAt('9'.repeat(100_000), undefined);
    expect(problems[0]?.message.length).toBeLessThan(200);
  });
});

describe('where a run stops', () => {
  it('is the step itself, or whole epochs of batches', () => {
    expect(stopStep({ count: 200, unit: 'steps' }, 62)).toBe(200);
    expect(stopStep({ count: 3, unit: 'epochs' }, 62)).toBe(186);
  });

  it('is reached by the step count or the completed epochs', () => {
    const steps: StopAt = { count: 200, unit: 'steps' };
    expect(reachedStop(steps, { step: 199, epoch: 3 })).toBe(false);
    expect(reachedStop(steps, { step: 200, epoch: 3 })).toBe(true);
    const epochs: StopAt = { count: 2, unit: 'epochs' };
    expect(reachedStop(epochs, { step: 500, epoch: 1 })).toBe(false);
    expect(reachedStop(epochs, { step: 124, epoch: 2 })).toBe(true);
    expect(reachedStop(null, { step: 1e9, epoch: 1e6 })).toBe(false);
  });

  it('reads as a person says it', () => {
    expect(describeStopAt({ count: 1, unit: 'epochs' })).toBe('1 epoch');
    expect(describeStopAt({ count: 1200, unit: 'steps' })).toBe('1,200 steps');
  });
});
