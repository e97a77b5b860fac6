import { describe, expect, it } from 'vitest';
import {
  findMystery,
  judgeMystery,
  mysteryKeyOfHash,
  mysteryLabHash,
  stillHidden,
  type MysteryLabRun,
} from '../../src/lessons/mystery';
import { buildTrack } from '../../src/lessons/track';
import { deltaTrack, LESSON } from './progress/practiceFixture';

const track = deltaTrack();
const mystery = findMystery(track, 'delta/mystery')!;

/** A Lab run of the mystery trained to `step`, validated every 50 steps at these accuracies. */
function labRun(
  letter: string,
  step: number,
  accuracies: readonly number[],
  settings = mystery.settings,
): MysteryLabRun {
  return {
    letter,
    settings,
    step,
    history: {
      losses: Array.from({ length: step }, (_, i) => 2 / (i + 1)),
      steps: Array.from({ length: step }, (_, i) => i + 1),
      validation: accuracies.map((accuracy, i) => ({ step: 50 * (i + 1), loss: 1, accuracy })),
    },
  };
}
const fixed = { ...mystery.settings, validationMode: 'eval' as const };

describe('a mystery network in the Lab', () => {
  it('has an address that names the mystery and none of its settings', () => {
    const hash = mysteryLabHash('delta', 'mystery');
    expect(hash).toBe('#/lab?mystery=delta%2Fmystery');
    expect(mysteryKeyOfHash(hash)).toBe('delta/mystery');
    expect(mysteryKeyOfHash('#/lab?a.norm=none')).toBeUndefined();
    expect(mysteryKeyOfHash('#/lessons/delta?mystery=x')).toBeUndefined();
  });

  it('opens as the practice’s one run, with the practice’s settings hidden until revealed', () => {
    expect(mystery).toMatchObject({
      lessonId: 'delta',
      practiceId: 'mystery',
      runLabel: 'Mystery',
      settings: { norm: 'batchNorm', validationMode: 'train', dataset: 'spiral' },
    });
    expect([...stillHidden(mystery, undefined)]).toEqual(['validationMode', 'norm']);
    expect([...stillHidden(mystery, ['norm'])]).toEqual(['validationMode']);
    expect(findMystery(track, 'delta/add-norm')).toBeUndefined();
    expect(findMystery(track, 'delta/nothing')).toBeUndefined();
  });

  it('a lesson refuses a mystery whose experiment has more than one run', () => {
    const twoRuns = LESSON.replace(
      '  - label: Mystery\n',
      '  - label: Mystery\n  - label: Other\n',
    );
    const messages = buildTrack({ 'lessons/01-delta.md': twoRuns }).issues.map((i) => i.message);
    expect(messages.join('\n')).toMatch(
      /a mystery network opens in the Lab as one run: its experiment has 2 runs/,
    );
  });

  it('waits for a run to reach the step budget, and judges it there however far it trains', () => {
    const early = judgeMystery(mystery, [labRun('A', 60, [0.9], fixed)], true);
    expect(early.passed).toBe(false);
    expect(early.conditions.at(-1)?.text).toMatch(/run A has trained 60 of the task's 100 steps/);

    // Validated at 50 and 100 (0.7: not above 0.8), then better at 150: still not passed.
    const late = judgeMystery(mystery, [labRun('A', 150, [0.5, 0.7, 0.95], fixed)], true);
    expect(late.passed).toBe(false);
    expect(late.conditions.at(-1)?.text).toMatch(/run A at step 100:/);

    const done = judgeMystery(mystery, [labRun('A', 120, [0.5, 0.85], fixed)], true);
    expect(done).toMatchObject({ passed: true, letter: 'A' });
  });

  it('needs the fault named and the fix made, in run A or a copy of it', () => {
    const unfixedButGood = labRun('A', 100, [0.5, 0.9]);
    expect(judgeMystery(mystery, [unfixedButGood], true).passed).toBe(false);
    const fixedCopy = labRun('B', 100, [0.5, 0.9], fixed);
    expect(judgeMystery(mystery, [unfixedButGood, fixedCopy], false).passed).toBe(false);
    expect(judgeMystery(mystery, [unfixedButGood, fixedCopy], true)).toMatchObject({
      passed: true,
      letter: 'B',
    });
  });
});
