/**
 * A mystery network is diagnosed in the Lab: the lesson links to `#/lab?mystery=<lesson>/<practice>`,
 * the Lab opens the practice's one-run experiment as run A with the hidden settings masked, and the
 * practice is judged on the learner's Lab runs at the experiment's step budget, by the same evaluator
 * the lesson tests use. The link names the mystery, never its settings.
 */
import type { LabRunSettings, SettingKey } from '../lab/labSettings';
import { evaluateClaim, type ClaimVerdict, type RunHistory } from './claims';
import { blockKey } from './progress/keys';
import { evaluatePractice, type PracticeVerdict } from './progress/practice';
import { runSettings } from './runSettings';
import type { Experiment, Practice } from './schema';
import type { Track } from './track';
import { formatCount } from '../lab/formatNumber';

export interface LabMystery {
  /** lesson/practice, the practice's progress key. */
  readonly key: string;
  readonly lessonId: string;
  readonly lessonTitle: string;
  readonly practiceId: string;
  readonly practice: Practice;
  readonly experiment: Experiment;
  /** The label of the experiment's one run, which each Lab run plays when it is judged. */
  readonly runLabel: string;
  /** The settings the Lab opens with (run A). */
  readonly settings: LabRunSettings;
}

const PARAM = 'mystery';

/** The Lab address that opens a mystery network (its settings stay out of the address). */
export function mysteryLabHash(lessonId: string, practiceId: string): string {
  return `#/lab?${PARAM}=${encodeURIComponent(blockKey(lessonId, practiceId))}`;
}

/** The mystery a Lab address names ('lesson/practice'), if any. */
export function mysteryKeyOfHash(hash: string): string | undefined {
  if (!hash.startsWith('#/lab?')) return undefined;
  return new URLSearchParams(hash.slice('#/lab?'.length)).get(PARAM) ?? undefined;
}

/** The mystery network a key names in these lessons, or undefined when there is none. */
export function findMystery(track: Track, key: string): LabMystery | undefined {
  for (const lesson of track.lessons) {
    for (const s of lesson.segments) {
      if (s.kind !== 'practice' || s.data.hidden.length === 0) continue;
      if (blockKey(lesson.meta.id, s.id) !== key) continue;
      const experiment = lesson.segments.find(
        (e) => e.kind === 'experiment' && e.id === s.data.experiment,
      );
      if (experiment?.kind !== 'experiment' || experiment.data.runs.length !== 1) return undefined;
      return {
        key,
        lessonId: lesson.meta.id,
        lessonTitle: lesson.meta.title,
        practiceId: s.id,
        practice: s.data,
        experiment: experiment.data,
        runLabel: experiment.data.runs[0]!.label,
        settings: runSettings(experiment.data, 0),
      };
    }
  }
  return undefined;
}

/** One Lab run as the mystery judge sees it. */
export interface MysteryLabRun {
  /** 'A'–'D'. */
  readonly letter: string;
  readonly settings: LabRunSettings;
  /** Steps trained so far. */
  readonly step: number;
  /** Its history (every step kept up to the budget; the Lab keeps 2,000 points). */
  readonly history: Omit<RunHistory, 'label'>;
}

export interface MysteryVerdict extends PracticeVerdict {
  /** The run the verdict is about: the first that passed, else the one closest to passing. */
  readonly letter: string | undefined;
}

/** The history cut at the budget, so a run trained further is judged on the task's step budget. */
function atBudget(history: MysteryLabRun['history'], label: string, budget: number): RunHistory {
  const steps = history.steps ? Array.from(history.steps) : undefined;
  const losses = Array.from(history.losses);
  const keep = steps ? steps.filter((s) => s <= budget).length : Math.min(budget, losses.length);
  const diverged = history.divergedAt !== undefined && history.divergedAt <= budget;
  return {
    label,
    losses: losses.slice(0, keep),
    ...(steps ? { steps: steps.slice(0, keep) } : {}),
    validation: history.validation.filter((v) => v.step <= budget),
    ...(diverged ? { divergedAt: history.divergedAt! } : {}),
    ...(history.finalProbe && history.finalProbe.step === budget
      ? { finalProbe: history.finalProbe }
      : {}),
  };
}

/** The claim on one Lab run: waiting until it has trained the budget (or diverged before it). */
function claimOn(mystery: LabMystery, run: MysteryLabRun): ClaimVerdict {
  const budget = mystery.experiment.steps;
  const history = atBudget(run.history, mystery.runLabel, budget);
  if (run.step < budget && history.divergedAt === undefined)
    return {
      shown: false,
      detail: `run ${run.letter} has trained ${formatCount(run.step)} of the task's ${formatCount(budget)} steps`,
    };
  const verdict = evaluateClaim(mystery.practice.claim, [history]);
  return { shown: verdict.shown, detail: `run ${run.letter} at step ${budget}: ${verdict.detail}` };
}

/**
 * Whether the mystery is solved in the Lab: the fault named (its question answered correctly), and
 * some Lab run with the fix showing the claimed effect at the step budget. Each run is judged as the
 * experiment's one run, so the learner may fix run A or a copy of it.
 */
export function judgeMystery(
  mystery: LabMystery,
  runs: readonly MysteryLabRun[],
  questionSolved: boolean,
): MysteryVerdict {
  const judged = runs.map((run) => ({
    letter: run.letter,
    verdict: evaluatePractice(
      mystery.practice,
      [{ label: mystery.runLabel, settings: run.settings }],
      claimOn(mystery, run),
      questionSolved,
    ),
  }));
  const met = (v: PracticeVerdict): number => v.conditions.filter((c) => c.met).length;
  const best =
    judged.find((j) => j.verdict.passed) ??
    judged.reduce<(typeof judged)[number] | undefined>(
      (a, b) => (a === undefined || met(b.verdict) > met(a.verdict) ? b : a),
      undefined,
    );
  if (!best)
    return {
      passed: false,
      changed: false,
      conditions: [{ text: 'A run in the Lab', met: false }],
      detail: '',
      letter: undefined,
    };
  return { ...best.verdict, letter: best.letter };
}

/** The hidden settings still hidden: the practice's, less what the learner revealed. */
export function stillHidden(
  mystery: LabMystery,
  revealed: readonly SettingKey[] | undefined,
): ReadonlySet<SettingKey> {
  return new Set(mystery.practice.hidden.filter((k) => !(revealed ?? []).includes(k)));
}
