/**
 * Whether a practice exercise is passed, from the learner's own runs: the runs it names have the
 * settings the task asks for, the claimed effect shows in those runs (judged by the same evaluator as
 * the lesson tests), and its question, if it has one, was answered correctly.
 */
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import type { ClaimVerdict } from '../claims';
import type { Practice } from '../schema';
import { SETTINGS, settingValueLabel } from '../../lab/settingsRegistry';

export interface PracticeCondition {
  readonly text: string;
  readonly met: boolean;
}

export interface PracticeVerdict {
  readonly passed: boolean;
  /** The named runs have every setting the task asks for (the learner's change is in them). */
  readonly changed: boolean;
  readonly conditions: readonly PracticeCondition[];
  /** What the learner's runs showed (recorded with the pass). */
  readonly detail: string;
}

export interface PracticeRun {
  readonly label: string;
  readonly settings: LabRunSettings;
}

function settingCondition<K extends SettingKey>(
  run: PracticeRun | undefined,
  label: string,
  key: K,
  wanted: LabRunSettings[K],
): PracticeCondition {
  const want = settingValueLabel(key, wanted);
  const name = SETTINGS[key].label.toLowerCase();
  if (!run) return { text: `Run “${label}” uses ${name} ${want} (the run is missing)`, met: false };
  const met = run.settings[key] === wanted;
  return {
    text: met
      ? `Run “${label}” uses ${name} ${want}`
      : `Run “${label}” uses ${name} ${want} (now ${settingValueLabel(key, run.settings[key])})`,
    met,
  };
}

/**
 * `claim` is the verdict of the practice's claim on the learner's runs: evaluateClaim's, or in the
 * browser the live status (which waits for runs to finish before judging final-state claims).
 */
export function evaluatePractice(
  practice: Practice,
  runs: readonly PracticeRun[],
  claim: ClaimVerdict,
  questionSolved: boolean,
): PracticeVerdict {
  const settings: PracticeCondition[] = [];
  for (const required of practice.requireSettings) {
    const run = runs.find((r) => r.label === required.run);
    for (const key of Object.keys(required.settings) as SettingKey[]) {
      const wanted = required.settings[key];
      if (wanted !== undefined) settings.push(settingCondition(run, required.run, key, wanted));
    }
  }
  const changed = settings.every((c) => c.met);
  const mystery = practice.hidden.length > 0;
  const conditions: PracticeCondition[] = [];
  if (mystery) {
    // The fix is spelled out only once the fault is named: before that it would give the fault away.
    conditions.push({ text: 'The fault is named (the question below)', met: questionSolved });
    if (questionSolved) conditions.push(...settings);
    else conditions.push({ text: 'The fault is fixed in the network', met: changed });
  } else {
    conditions.push(...settings);
  }
  conditions.push({
    text: claim.shown
      ? `The effect shows in your runs: ${claim.detail}`
      : `The effect shows in your runs (not yet: ${claim.detail})`,
    met: claim.shown,
  });
  if (practice.question && !mystery) {
    conditions.push({ text: 'The question is answered correctly', met: questionSolved });
  }
  return {
    passed: conditions.every((c) => c.met),
    changed,
    conditions,
    detail: claim.detail,
  };
}
