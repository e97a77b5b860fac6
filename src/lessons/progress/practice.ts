/**
 * Whether a practice exercise is passed, from the learner's own runs: the runs it names have the
 * settings the task asks for, the claimed effect shows in those runs (judged by the same evaluator as
 * the lesson tests), and its question, if it has one, was answered correctly.
 */
import type { LabRunSettings, SettingKey } from '../../lab/labSettings';
import type { ClaimVerdict } from '../claims';
import type { Practice } from '../schema';
import { SETTING_NAMES, settingValueLabel } from './settingNames';

export interface PracticeCondition {
  readonly text: string;
  readonly met: boolean;
}

export interface PracticeVerdict {
  readonly passed: boolean;
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
  const name = SETTING_NAMES[key].label.toLowerCase();
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
  const conditions: PracticeCondition[] = [];
  for (const required of practice.requireSettings) {
    const run = runs.find((r) => r.label === required.run);
    for (const key of Object.keys(required.settings) as SettingKey[]) {
      const wanted = required.settings[key];
      if (wanted !== undefined) conditions.push(settingCondition(run, required.run, key, wanted));
    }
  }
  const verdict = claim;
  conditions.push({
    text: verdict.shown
      ? `The effect shows in your runs: ${verdict.detail}`
      : `The effect shows in your runs (not yet: ${verdict.detail})`,
    met: verdict.shown,
  });
  if (practice.question) {
    conditions.push({ text: 'The question is answered correctly', met: questionSolved });
  }
  return { passed: conditions.every((c) => c.met), conditions, detail: verdict.detail };
}
