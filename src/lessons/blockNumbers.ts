/**
 * "A claim behind every number" for the blocks that are not experiments: a practice's task, a mystery
 * network's story, and the explanations of quizzes (and of a practice's question). Their figures are
 * backed the way an experiment's are (claimNumbers.ts), from a wider pool:
 *   - a practice by its own claim (what the learner's fixed runs must show), the claims and settings
 *     of the experiment it edits (a mystery's hidden experiment carries claims about the network as
 *     written: "reports about 71 %"), the settings its task asks for, and the settings (not the
 *     claims) of its lesson;
 *   - a quiz by every claim, setting and depth-probe expectation of its lesson (a quiz recalls what
 *     the lesson's experiments and probes measured), the network its chart shows, and the numbers its
 *     own question gives (the data of the problem it poses).
 * A distractor's own text is not read: it states a misconception, wrong on purpose; its explanation
 * is. The correct choice is read like an explanation. Arithmetic on the question's data (the answer
 * of "what is the running mean after this step?") is math: written in `$…$`, as formulas are.
 */
import { PROBE_BATCH_SIZE } from '../lab/probeSettings';
import type { ParsedLesson, Segment } from './parseLesson';
import {
  claimedNumbers,
  experimentBacking,
  keyedSettings,
  LAB_CONSTANTS,
  point,
  SETTING_WORDS,
  settingNumbers,
  type SettingNumber,
  statedNumbers,
  unbackedIn,
  type ClaimedNumber,
  type UnbackedNumber,
} from './claimNumbers';
import type { Experiment, Practice, Quiz } from './schema';
import {
  bestRate,
  standardizedProblem,
  stepsToConverge,
  unscaledProblem,
  type QuadraticProblem,
} from './widgets/lossContours';

/** What backs a number: claimed ranges and thresholds, and exact values (settings, givens). */
export interface Backing {
  readonly claimed: readonly ClaimedNumber[];
  readonly settings: readonly SettingNumber[];
}

/** The chance loss on the digits' ten classes, ln 10 ≈ 2.303: a constant of every lesson. */
export const CHANCE_LOSS = point(
  Math.log(10),
  'ln 10, the loss of an even guess over ten classes',
  'value',
);

/** The texts of a quiz that state something: the question, the correct choice, every explanation. */
function quizTexts(quiz: Quiz, prefix = ''): { field: string; text: string }[] {
  return [
    { field: `${prefix}question`, text: quiz.question },
    ...quiz.choices.flatMap((c, i) => [
      ...(c.correct ? [{ field: `${prefix}choice ${i + 1}`, text: c.text }] : []),
      { field: `${prefix}explanation ${i + 1}`, text: c.explanation },
    ]),
  ];
}

/**
 * The numbers a quiz's question gives: the data of its problem, which its answers may use however
 * they write them.
 */
const givens = (quiz: Quiz): SettingNumber[] =>
  statedNumbers(quiz.question).map((n) => ({ value: n.value }));

const DEPTH = SETTING_WORDS.depth;
const WIDTH = SETTING_WORDS.width;

function stepsShown(problem: QuadraticProblem, widget: string): ClaimedNumber[] {
  const convergence = stepsToConverge(problem, bestRate(problem));
  return convergence.kind === 'converges'
    ? [point(convergence.steps, `steps to converge in ${widget}`, 'steps')]
    : [];
}

/** What one block of a lesson measures (its claims, a probe's expectations) and sets. */
export function blockBacking(segment: Segment): Backing {
  const claimed: ClaimedNumber[] = [];
  const settings: SettingNumber[] = [];
  switch (segment.kind) {
    case 'experiment': {
      const { claim } = segment.data;
      if (claim) claimed.push(...claimedNumbers(claim));
      settings.push(...settingNumbers(segment.data));
      break;
    }
    case 'practice':
      claimed.push(...claimedNumbers(segment.data.claim));
      for (const r of segment.data.requireSettings) settings.push(...keyedSettings(r.settings));
      break;
    case 'widget': {
      const widget = segment.data;
      if (widget.widget === 'depthProbe') {
        settings.push(
          { value: widget.depth, words: DEPTH },
          { value: widget.width, words: WIDTH },
          // The probe's batch of random inputs, and its first layer ("at layer 1").
          { value: PROBE_BATCH_SIZE, words: /\bbatch\b|\binputs\b|\bsamples\b/i },
          { value: 1, words: /\blayer\s+$/i },
        );
        for (const e of widget.expect) {
          const what = `${e.measure} of ${segment.id}`;
          if (e.atLeast !== undefined && e.atMost !== undefined)
            claimed.push({ lo: e.atLeast, hi: e.atMost, what, quantity: 'ratio' });
          else claimed.push(point((e.atLeast ?? e.atMost)!, what, 'ratio'));
        }
      } else if (widget.widget === 'lossContours') {
        settings.push({
          value: widget.condition,
          words: /\bcondition|\bcurvatures?\b|×|\btimes\b|\bratio\b|\bstretch/i,
        });
        // The steps gradient descent needs at its best rate, which the widget computes and shows.
        for (const problem of [unscaledProblem(widget.condition), standardizedProblem()])
          claimed.push(...stepsShown(problem, segment.id));
      } else if (widget.widget === 'initBuilder')
        settings.push(
          { value: widget.fanIn, words: /\bfan|\binputs?\b/i },
          { value: widget.fanOut, words: /\bfan|\boutputs?\b/i },
        );
      else if (widget.widget === 'depthSweep') {
        settings.push(...widget.depths.map((value) => ({ value, words: DEPTH })), {
          value: widget.steps,
          words: /\bsteps?\b/i,
        });
        // The sweep trains every configuration at every depth: "nine trainings".
        settings.push({
          value: widget.depths.length * widget.configs.length,
          words: /\b(?:trainings?|cells?|runs?)\b/i,
        });
        for (const c of widget.configs) settings.push(...keyedSettings(c.settings));
      }
      break;
    }
    case 'quiz':
      if (segment.data.chart)
        settings.push(
          { value: segment.data.chart.depth, words: DEPTH },
          { value: segment.data.chart.width, words: WIDTH },
        );
      break;
    default:
  }
  return { claimed, settings };
}

/** Everything a lesson measures or sets: what a quiz of the lesson may recall. */
export function lessonBacking(lesson: ParsedLesson): Backing {
  const claimed: ClaimedNumber[] = [CHANCE_LOSS];
  const settings: SettingNumber[] = [...LAB_CONSTANTS];
  for (const segment of lesson.segments) {
    const block = blockBacking(segment);
    claimed.push(...block.claimed);
    settings.push(...block.settings);
  }
  return { claimed, settings };
}

/** The numbers of a quiz (question, correct choice, explanations) that its lesson does not back. */
export function unbackedQuizNumbers(quiz: Quiz, lesson: Backing): UnbackedNumber[] {
  return unbackedIn(quizTexts(quiz), lesson.claimed, [...lesson.settings, ...givens(quiz)]);
}

/**
 * The numbers of a practice (its task, and its question's correct choice and explanations) that
 * neither its claim, the experiment it edits, the settings it asks for, its question's data nor a
 * setting of its lesson (`lesson.settings`: "as in the 6-layer network above") back.
 */
export function unbackedPracticeNumbers(
  practice: Practice,
  experiment: Experiment,
  lesson: Backing = { claimed: [], settings: [] },
): UnbackedNumber[] {
  const { claimed, settings } = experimentBacking(experiment);
  const required = practice.requireSettings.flatMap((r) => keyedSettings(r.settings));
  const question = practice.question;
  return unbackedIn(
    [{ field: 'task', text: practice.task }, ...(question ? quizTexts(question, 'question ') : [])],
    [...claimed, ...claimedNumbers(practice.claim), CHANCE_LOSS],
    [...settings, ...lesson.settings, ...required, ...(question ? givens(question) : [])],
  );
}
