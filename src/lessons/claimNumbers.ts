/**
 * "A claim behind every number": the figures a lesson states about what an experiment shows ("about
 * 88 %", "after about 190 steps", "3 × 10⁻¹³", "a million times smaller") must each be backed by a
 * claim of that experiment, which the tests train headless and check. This module reads the numbers
 * out of a piece of lesson text and the numbers out of a claim, and says which stated numbers no
 * claim backs.
 *
 * The rule, as lessons/README.md documents it: a number stated in an experiment's `intro` or
 * `takeaway` (or in the question, choices or explanation of its prediction, where the prediction's
 * own ranges back it too) is backed when
 *   - it lies in the range of a claim of the experiment (`atLeast`…`atMost` of a measuring claim, or
 *     `accuracyAbove`…`accuracyBelow` of one run), or equals, to the digits written, a threshold a
 *     claim checks (`accuracyAbove: 0.9` backs "passes 90 %", `byStep: 10` backs "within ten steps");
 *   - or it is a setting of the experiment (a value in `base` or a run's settings or label, `steps`,
 *     `validationEvery`, the number of runs) or one of the Lab's constants (1,000 validation images,
 *     the 20-step smoothing window, SGD's momentum 0.9);
 *   - or it is written inside math (`$…$`), which marks a formula or a constant (`$\ln 10$`,
 *     `$1/\sqrt2$`), never a measurement.
 * A percentage is compared as a fraction; "N times smaller" (or "×N", "N-fold") as N and as 1/N; a
 * power of ten written as 10⁻³·⁷ is compared as 10^−3.7 and as its exponent −3.7 (the update ratio is a
 * log10). A number right after "lesson", "Figure", "section", "practice", "checkpoint", "table" or
 * "unit" is a reference, not a quantity.
 */
import type { Claim } from './claims';
import type { Prediction } from './predictions';
import type { Experiment } from './schema';
import { SMOOTHING_WINDOW } from '../engine/train/smoothLosses';
import { LAB_DATASETS } from '../lab/datasets';
import { LAB_DATA_SIZES } from '../lab/memoryLimits';

/** A number as the text states it: its value, and half a unit of its last written digit. */
export interface StatedNumber {
  /** The words it was read from, as written ("2 × 10⁻⁸", "88 %", "a million"). */
  readonly text: string;
  /** Where in the text it starts. */
  readonly index: number;
  readonly value: number;
  /** Half a unit of the last digit written: the rounding the text allows itself. */
  readonly halfUnit: number;
  readonly percent: boolean;
  /** Written as a factor ("3,000 times", "×8", "a million-fold"): also compared as its inverse. */
  readonly factor: boolean;
  /** Written as a bare power of ten (10⁻⁶, 10⁻³·⁷): also compared by its exponent. */
  readonly exponent?: { readonly value: number; readonly halfUnit: number };
  /** A count of training steps ("190 steps", "near step 900"): only a step count backs it. */
  readonly steps: boolean;
  /** Written as a fraction word or sign ("half", "a fifth", "¼"): a share may back it. */
  readonly fractionWord: boolean;
  /**
   * Presented as a ratio of two measurements: a factor, a percentage, a fraction word, or a number
   * with the words of a ratio beside it ("a factor of 4", "0.71 per layer", "0.17 of the top one's",
   * "the ratio is 1.9"). Only such a number may a ratio claim back: a gradient ratio of 0.5 to 2
   * says nothing about a gradient "of 2.0".
   */
  readonly relative: boolean;
}

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '·': '.',
};

const WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
  thousand: 1000,
  million: 1e6,
  billion: 1e9,
  twice: 2,
  half: 0.5,
  quarter: 0.25,
  fifth: 0.2,
  tenth: 0.1,
};

const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3 };

/**
 * Words after which a number is a reference ("lesson 2", "Figure 3", "unit 0"), not a quantity,
 * and so is every number of a list of them ("lessons 3 and 4", "Figures 2, 3 or 5").
 */
const REFERENCE =
  /\b(?:lesson|lessons|figure|figures|section|sections|practice|checkpoint|table|unit|arXiv:)\s*(?:\d+(?:\s*,\s*|\s+(?:and|or|to)\s+|\s*[–-]\s*))*$/i;

/** A number right after "ln" is the argument of a function written in words ("ln 10"): math. */
const FUNCTION_ARGUMENT = /\bln\s*$/;

/** A year of a citation ("He et al. 2016", "(2018, arXiv:…)"): four digits, 1950 to 2029. */
const YEAR = /^(?:19[5-9]\d|20[0-2]\d)$/;

/** Words after a number that make it a count of training steps, or before it ("near step 900"). */
const STEPS_AFTER = /^\s*(?:more\s+|fewer\s+|further\s+|training\s+)?steps?\b/i;
const STEPS_BEFORE = /\bsteps?\s*$/i;
const FRACTION_WORD = /^(?:[½¼¾⅓]|(?:an?\s+)?(?:half|quarter|fifth|tenth))$/i;

/** The rest of a range whose last number is a percentage: " to 70 %", "–70 %". */
const PERCENT_RANGE = /^\s*(?:to|–|-)\s*\d+(?:\.\d+)?\s*%/;

const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCIENTIFIC = String.raw`(?:\s*[×x]\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹·]+))?`;
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹·]+)|(?<![\p{L}\p{N}_.])([−\-+]?)(${DIGITS})${SCIENTIFIC}(\s*%)?|([½¼¾⅓])|\b(?:(a|an)\s+)?(${Object.keys(WORDS).join('|')})\b`,
  'giu',
);

/** Half a unit of the last digit of a decimal written like "2.30" or "3,300". */
function halfUnitOf(written: string): number {
  const dot = written.indexOf('.');
  return dot < 0 ? 0.5 : 0.5 * 10 ** -(written.length - dot - 1);
}

function superscriptNumber(s: string): string {
  return [...s].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** Removes inline and display math: a formula or a constant, never a measurement. */
export function withoutMath(markdown: string): string {
  return markdown
    .replace(/\$\$[\s\S]*?\$\$/g, (m) => ' '.repeat(m.length))
    .replace(/\$[^$]*\$/g, (m) => ' '.repeat(m.length));
}

/** Words right before a number that present it as a ratio: "a factor of", "the ratio is", "÷". */
const RATIO_BEFORE =
  /(?:\bfactors?|\bratios?|\bper[- ]layer factor|÷)(?:\s+(?:is|was|of|about|roughly|only|nearly|near|around|close to|just)){0,3}\s*$/i;
/** Words right after a number that present it as a ratio: "per layer", "of the top one's". */
const RATIO_AFTER =
  /^\s*(?:(?:per|a|each)\s+(?:layer|block|step)\b|of\s+(?:the|its|their|it|them)\b|as\s+(?:large|small|big|high|low)\b|(?:smaller|larger|bigger|higher|lower|more|less)\b)/i;

/** Every number the text states outside math, in order. */
export function statedNumbers(markdown: string): StatedNumber[] {
  const text = withoutMath(markdown);
  const found: Omit<StatedNumber, 'relative'>[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const index = m.index;
    const end = index + m[0].length;
    const factor =
      /^\s*(?:times|×|-?fold)/.test(text.slice(end, end + 8)) ||
      /×\s*$/.test(text.slice(Math.max(0, index - 2), index)) ||
      // "shrinks by a factor of 4": a quarter per layer, compared as 4 and as ¼.
      /\bfactor of\s+(?:about\s+|roughly\s+|nearly\s+)?$/i.test(
        text.slice(Math.max(0, index - 24), index),
      );
    const before = text.slice(Math.max(0, index - 30), index);
    if (REFERENCE.test(before) || FUNCTION_ARGUMENT.test(before)) continue;
    const [whole, barePower, sign, digits, power, percent, fraction, article, word] = m;
    const steps =
      STEPS_AFTER.test(text.slice(end, end + 20)) ||
      STEPS_BEFORE.test(text.slice(Math.max(0, index - 8), index));
    const fractionWord = FRACTION_WORD.test(whole);
    if (digits !== undefined) {
      // A digit glued to a letter after it ("15th", "fc1" is caught by the lookbehind) is a label.
      const next = text[index + whole.length];
      if (next !== undefined && /[\p{L}]/u.test(next) && next !== 'x' && percent === undefined)
        continue;
      if (
        YEAR.test(digits) &&
        sign === '' &&
        power === undefined &&
        percent === undefined &&
        !steps
      )
        continue;
      const negative = sign === '−' || sign === '-';
      const plain = Number(digits.replace(/,/g, ''));
      const mantissa = negative ? -plain : plain;
      if (power !== undefined) {
        const scale = 10 ** Number(superscriptNumber(power));
        found.push({
          text: whole,
          index,
          value: mantissa * scale,
          halfUnit: halfUnitOf(digits) * scale,
          percent: false,
          factor,
          steps,
          fractionWord,
        });
      } else {
        found.push({
          text: whole,
          index,
          value: mantissa,
          halfUnit: halfUnitOf(digits.replace(/,/g, '')),
          // The first number of a range of percentages ("20 to 70 %") is a percentage too.
          percent: percent !== undefined || PERCENT_RANGE.test(text.slice(end, end + 20)),
          factor,
          steps,
          fractionWord,
        });
      }
    } else if (barePower !== undefined) {
      const exponent = superscriptNumber(barePower);
      const e = Number(exponent);
      if (!Number.isFinite(e)) continue;
      found.push({
        text: whole,
        index,
        value: 10 ** e,
        halfUnit: 0,
        percent: false,
        factor,
        exponent: { value: e, halfUnit: halfUnitOf(exponent.replace('-', '')) },
        steps,
        fractionWord,
      });
    } else if (fraction !== undefined) {
      found.push({
        text: whole,
        index,
        value: FRACTIONS[fraction]!,
        halfUnit: 0,
        percent: false,
        factor,
        steps,
        fractionWord,
      });
    } else if (word !== undefined) {
      // A number word in a compound ("two-spiral set") names a thing; it states no quantity.
      if (text[end] === '-' && /[\p{L}]/u.test(text[end + 1] ?? '')) continue;
      const value = WORDS[word.toLowerCase()]!;
      // "a million" is an order of magnitude (give or take half of it); "ten" is ten.
      void article;
      const halfUnit = value >= 100 ? 0.5 * value : value >= 1 ? 0.5 : 0;
      found.push({
        text: whole,
        index,
        value,
        halfUnit,
        percent: false,
        factor,
        steps,
        fractionWord,
      });
    }
  }
  return found.map((n) => ({
    ...n,
    relative:
      n.factor ||
      n.percent ||
      n.fractionWord ||
      RATIO_BEFORE.test(text.slice(Math.max(0, n.index - 40), n.index)) ||
      RATIO_AFTER.test(text.slice(n.index + n.text.length, n.index + n.text.length + 30)),
  }));
}

/**
 * What a claimed number measures, so that a figure is backed only by a number of its own kind: a
 * percentage by a share (an accuracy, a dead or saturated share, a fraction of the loss or of the
 * steps), "190 steps" by a step count, a factor ("a million times smaller", "×1.34", "60 % of its
 * start") by a ratio, and a loss or a norm by a value.
 */
export type Quantity = 'share' | 'steps' | 'ratio' | 'value';

/** A number a claim checks: a range the measurement must lie in, or a threshold (lo = hi). */
export interface ClaimedNumber {
  readonly lo: number;
  readonly hi: number;
  /** What it is, for messages: "finalLoss of lr 0.02". */
  readonly what: string;
  readonly quantity: Quantity;
}

export const point = (value: number, what: string, quantity: Quantity): ClaimedNumber => ({
  lo: value,
  hi: value,
  what,
  quantity,
});

/** What each measuring claim kind measures (`stepsToLoss`'s range is steps, its `loss` a value). */
const MEASURED: Partial<Record<Claim['kind'], Quantity>> = {
  gradRatio: 'ratio',
  weightNormGrowth: 'ratio',
  relativeUpdate: 'ratio',
  deadShare: 'share',
  saturatedShare: 'share',
  stepsToLoss: 'steps',
};

const AFTER_TRAINING_QUANTITY: Record<string, Quantity> = {
  accuracyBefore: 'share',
  accuracyAfter: 'share',
  fineTuneAccuracyLive: 'share',
  fineTuneAccuracyFrozen: 'share',
};

/** Every number a claim checks, with accuracyAbove and accuracyBelow of one run joined into a range. */
export function claimedNumbers(claim: Claim): ClaimedNumber[] {
  const claims = flatten(claim);
  const out: ClaimedNumber[] = [];
  for (const c of claims) {
    switch (c.kind) {
      case 'allOf':
        break;
      case 'accuracyAbove':
      case 'accuracyBelow': {
        out.push(point(c.accuracy, `${c.kind} of ${c.run}`, 'share'));
        if (c.kind === 'accuracyAbove') {
          const below = claims.find(
            (o) => o.kind === 'accuracyBelow' && o.run === c.run && o.accuracy >= c.accuracy,
          );
          if (below?.kind === 'accuracyBelow')
            out.push({
              lo: c.accuracy,
              hi: below.accuracy,
              what: `accuracy of ${c.run}`,
              quantity: 'share',
            });
        }
        break;
      }
      case 'diverges':
        if (c.byStep !== undefined)
          out.push(point(c.byStep, `diverges byStep of ${c.run}`, 'steps'));
        break;
      case 'fasterToLoss':
        out.push(
          point(c.loss, `fasterToLoss loss`, 'value'),
          point(c.ratio, `fasterToLoss ratio`, 'share'),
        );
        break;
      case 'lossFalls':
        out.push(point(c.fraction, `lossFalls fraction of ${c.run}`, 'share'));
        break;
      case 'validationDiffers':
        out.push(point(c.minDifference, `validationDiffers minDifference`, 'value'));
        break;
      case 'lowerLoss':
        out.push(point(c.margin, `lowerLoss margin of ${c.run}`, 'value'));
        break;
      default: {
        const what = `${c.kind} of ${c.run}`;
        const quantity =
          c.kind === 'afterTraining'
            ? (AFTER_TRAINING_QUANTITY[c.measure] ?? 'value')
            : (MEASURED[c.kind] ?? 'value');
        if (c.atLeast !== undefined && c.atMost !== undefined)
          out.push({ lo: c.atLeast, hi: c.atMost, what, quantity });
        else if (c.atLeast !== undefined) out.push(point(c.atLeast, what, quantity));
        else if (c.atMost !== undefined) out.push(point(c.atMost, what, quantity));
        if (c.kind === 'stepsToLoss')
          out.push(point(c.loss, `stepsToLoss loss of ${c.run}`, 'value'));
        if (c.kind === 'unitPercentile')
          out.push(point(c.percentile, `percentile of ${c.run}`, 'value'));
      }
    }
  }
  return out;
}

function flatten(claim: Claim): Claim[] {
  return claim.kind === 'allOf' ? claim.claims.flatMap(flatten) : [claim];
}

/**
 * A number a configuration sets (a setting, a run's budget, a constant of the Lab), with the words
 * that present a number as that setting: "batch 2" and "batches of 2" are the batch size, "lr 0.5" the
 * learning rate, "20-layer" the depth. A setting backs only a number the text presents as it, so
 * `batchSize: 2` does not back "the loss stays above 2". Without `words` (the data a quiz question
 * gives) it backs an equal number however the text writes it.
 */
export interface SettingNumber {
  readonly value: number;
  readonly words?: RegExp;
}

/** The words that present a number as each numeric run setting, before or after it. */
export const SETTING_WORDS = {
  depth: /\b(?:layers?|blocks?|depths?|deep|stack)\b|-layer|-block/i,
  width: /\b(?:widths?|wide|units?|channels?|neurons?|features?)\b|-unit|-channel/i,
  batchSize: /\bbatch(?:es)?\b|\bbatch[ -]sizes?\b|\bsamples?\b|\bimages? per\b/i,
  ghostBatch: /\bghost\b|\bsamples?\b/i,
  learningRate: /\blr\b|\blearning[ -]rates?\b|\brates?\b|η/i,
  weightDecay: /\bdecays?\b|λ/i,
  groups: /\bgroups?\b/i,
  initGain: /\bgain\b/i,
  initMultiplier: /×|\btimes\b|\bmultipl|-fold|\bwider\b|\blarger\b|\btoo\b/i,
  seed: /\bseeds?\b/i,
  noise: /\bnoise\b/i,
} as const satisfies Readonly<Record<string, RegExp>>;

const STEP_WORDS = /\bsteps?\b/i;
const BATCH_WORDS = /\bbatch(?:es)?\b/i;
const RUN_COUNT_WORDS =
  /\b(?:runs?|networks?|MLPs?|CNNs?|models?|curves?|configurations?|trainings?)\b/i;

/** Each numeric entry of a settings object, presented by its key's words. */
export function keyedSettings(settings: object): SettingNumber[] {
  return Object.entries(settings).flatMap(([key, v]) =>
    typeof v === 'number'
      ? [
          {
            value: v,
            words:
              (SETTING_WORDS as Readonly<Record<string, RegExp | undefined>>)[key] ??
              new RegExp(`\\b${key}\\b`, 'i'),
          },
        ]
      : [],
  );
}

/**
 * The numbers of a run's label, each presented by the words beside it in the label ("lr 0.5" by
 * "lr", "30 layers" by "layers"): the text presents the run as its label does.
 */
export function labelSettings(label: string): SettingNumber[] {
  return statedNumbers(label).map((n) => {
    const before = /([\p{L}]+)[^\p{L}]*$/u.exec(label.slice(0, n.index))?.[1];
    const after = /^[^\p{L}]*?([\p{L}]+)/u.exec(label.slice(n.index + n.text.length))?.[1];
    const words = [before, after].filter((w): w is string => w !== undefined);
    // A number alone in a label ("0.5") is presented by nothing the text could match by chance.
    return {
      value: n.value,
      words: words.length > 0 ? new RegExp(`\\b(?:${words.join('|')})\\b`, 'iu') : /(?!)/,
    };
  });
}

/**
 * The Lab's constants a lesson may state, each presented as what it is: validation on 1,000 test
 * images, the 20-step smoothing window, SGD's momentum 0.9, the digits' 10 classes, and the digits
 * themselves (LAB_DATA_SIZES and LAB_DATASETS: 8,000 training images, 2,000 test images, 14 × 14
 * pixels, or 28 × 28 at full resolution, and as many inputs to an MLP as pixels).
 */
export const LAB_CONSTANTS: readonly SettingNumber[] = [
  { value: 1000, words: /\bvalidation\b|\bvalidat|\btest\b|\bimages\b/i },
  { value: SMOOTHING_WINDOW, words: /\bsmooth|\baverage\b|\bmean\b|\bwindow\b/i },
  { value: 0.9, words: /\bmomentum\b/i },
  { value: LAB_DATASETS.mnist14.numClasses, words: /\bclasses\b|\bdigits\b|\bguess\b/i },
  {
    value: LAB_DATA_SIZES.mnist14.trainCount,
    words: /\btraining\b|\btrain\b|\bimages\b|\bdigits\b/i,
  },
  { value: LAB_DATA_SIZES.mnist14.testCount, words: /\btest\b/i },
  ...[LAB_DATASETS.mnist14, LAB_DATASETS.mnist28].flatMap((d) => [
    { value: d.sampleShape[2]!, words: /×|\bpixels?\b|\bresolution\b/i },
    // The MLP's inputs: one per pixel, 196 for 14 × 14 digits.
    { value: d.sampleShape[1]! * d.sampleShape[2]!, words: /\binputs?\b|\bpixels\b|\bfeatures\b/i },
  ]),
];

/**
 * Every number an experiment's configuration contains, each presented as what it is: its settings,
 * run labels, budget (`steps`), validation interval, run count and after-training operations.
 */
export function settingNumbers(experiment: Experiment): SettingNumber[] {
  const values: SettingNumber[] = [
    { value: experiment.steps, words: STEP_WORDS },
    { value: experiment.validationEvery, words: /\bsteps?\b|\bevery\b/i },
    { value: experiment.runs.length, words: RUN_COUNT_WORDS },
    ...keyedSettings(experiment.base),
  ];
  // The after-training operations' batches, steps, learning rate and input shift are settings too.
  const after = experiment.afterTraining;
  if (after?.recalibrate) {
    values.push({ value: after.recalibrate.batches, words: BATCH_WORDS });
    const shift = after.recalibrate.shift;
    if (shift)
      values.push(
        { value: shift.contrast, words: /\bcontrast\b|×|\btimes\b|\bscaled?\b/i },
        { value: shift.brightness, words: /\bbrightness\b|\bshift(?:ed)?\b|\bplus\b|\+/i },
      );
  }
  if (after?.fineTune)
    values.push(
      { value: after.fineTune.batchSize, words: SETTING_WORDS.batchSize },
      { value: after.fineTune.steps, words: STEP_WORDS },
      { value: after.fineTune.learningRate, words: SETTING_WORDS.learningRate },
    );
  if (after?.average)
    values.push(
      { value: after.average.steps, words: STEP_WORDS },
      { value: after.average.batches, words: BATCH_WORDS },
    );
  for (const run of experiment.runs) {
    values.push(...keyedSettings(run.settings), ...labelSettings(run.label));
    values.push(...layerCounts({ ...experiment.base, ...run.settings }));
  }
  return values;
}

/**
 * The layers a run's settings build, which the text may count instead of the blocks: a residual MLP
 * of `depth` blocks has $1 + 2 \cdot \text{depth} + 1$ Linear layers ("the 50-layer residual MLP"
 * at depth 24), a CNN $1 + 2 \cdot \text{depth}$ convolutions.
 */
function layerCounts(settings: Experiment['base']): SettingNumber[] {
  const { architecture, depth } = settings;
  if (depth === undefined) return [];
  if (architecture === 'resmlp') return [{ value: 2 * depth + 2, words: SETTING_WORDS.depth }];
  if (architecture === 'cnn') return [{ value: 2 * depth + 1, words: /\bconvolutions?\b/i }];
  return [];
}

/** How far around a number the words that present it as a setting may be, in characters. */
const PRESENTED_BEFORE = 40;
const PRESENTED_AFTER = 40;

/**
 * Whether the text presents the number at `index` as a setting with these words: the words end at
 * most PRESENTED_BEFORE characters before it in the same sentence ("batch size 64 and 2"), or start
 * within PRESENTED_AFTER characters after it in the same sentence ("2 groups", "20-layer", "two
 * 4-layer networks").
 */
export function presentedAs(text: string, number: StatedNumber, words: RegExp): boolean {
  const start = Math.max(0, number.index - PRESENTED_BEFORE);
  const before = text.slice(start, number.index);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  const end = number.index + number.text.length;
  const after = text.slice(end, end + PRESENTED_AFTER);
  const sentenceEnd = after.search(/[.;](?:\s|$)/);
  return (
    words.test(before.slice(sentenceStart + 1)) ||
    words.test(sentenceEnd < 0 ? after : after.slice(0, sentenceEnd))
  );
}

/** Whether a setting backs the stated number: equal, and presented as that setting. */
export function settingBacks(setting: SettingNumber, stated: StatedNumber, text: string): boolean {
  if (stated.percent) return false;
  if (Math.abs(setting.value - stated.value) > 1e-9 * Math.abs(setting.value)) return false;
  return setting.words === undefined || presentedAs(text, stated, setting.words);
}

const overlaps = (lo: number, hi: number, n: ClaimedNumber) => lo <= n.hi && hi >= n.lo;

/**
 * Whether a stated number is of the claimed number's kind: a percentage only by a share or a ratio,
 * a count of steps only by a step count, a plain number by a value or a step count (the text may
 * leave "steps" implied: "Kaiming's after about 70 steps, Xavier's after about 165"), by a share
 * only when it is written as a factor or a fraction word ("twice as fast", "half the units"), and
 * by a ratio only when the text presents it as a ratio ("a factor of 4", "×0.24 per layer"): a
 * depth probe's gradient ratio between 0.5 and 2 does not back "the gradient is 2.0".
 */
function sameQuantity(claimed: ClaimedNumber, stated: StatedNumber): boolean {
  if (stated.steps) return claimed.quantity === 'steps';
  if (stated.percent) return claimed.quantity === 'share' || claimed.quantity === 'ratio';
  if (claimed.quantity === 'share') return stated.factor || stated.fractionWord;
  if (claimed.quantity === 'ratio') return stated.relative;
  return true;
}

/** Whether a claimed number backs the stated one (as a fraction, as N or 1/N, or by its exponent). */
export function backs(claimed: ClaimedNumber, stated: StatedNumber): boolean {
  if (!sameQuantity(claimed, stated)) return false;
  const { value: v, halfUnit: h } = stated;
  if (stated.percent) return overlaps((v - h) / 100, (v + h) / 100, claimed);
  if (overlaps(v - h, v + h, claimed)) return true;
  if (stated.factor && v > 1 && overlaps(1 / (v + h), 1 / Math.max(v - h, 1e-300), claimed))
    return true;
  const e = stated.exponent;
  if (e === undefined) return false;
  return (
    overlaps(e.value - e.halfUnit, e.value + e.halfUnit, claimed) ||
    overlaps(10 ** (e.value - e.halfUnit), 10 ** (e.value + e.halfUnit), claimed)
  );
}

/** A number a lesson's text states that neither a claim nor a setting backs. */
export interface UnbackedNumber {
  /** Which text: `intro`, `takeaway`, or a prediction's `question`, `explanation` or `choice 2`. */
  readonly field: string;
  readonly number: StatedNumber;
  /** The words around it, for the message. */
  readonly context: string;
}

/** The numbers of these texts that no claimed number and no setting backs. */
export function unbackedIn(
  texts: readonly { readonly field: string; readonly text: string | undefined }[],
  claimed: readonly ClaimedNumber[],
  settings: readonly SettingNumber[],
): UnbackedNumber[] {
  const unbacked: UnbackedNumber[] = [];
  for (const { field, text } of texts) {
    if (text === undefined) continue;
    for (const number of statedNumbers(text)) {
      // Zero is exact, never a rounded measurement ("the branch outputs 0", "at step 0").
      const isZero = !number.percent && number.value === 0;
      const isSetting = isZero || settings.some((s) => settingBacks(s, number, text));
      if (isSetting || claimed.some((c) => backs(c, number))) continue;
      const from = Math.max(0, number.index - 40);
      const to = Math.min(text.length, number.index + number.text.length + 40);
      unbacked.push({ field, number, context: text.slice(from, to).replace(/\s+/g, ' ') });
    }
  }
  return unbacked;
}

/** What backs the numbers an experiment's own texts state: its claim, its settings, the Lab's constants. */
export const experimentBacking = (experiment: Experiment) => ({
  claimed: experiment.claim ? claimedNumbers(experiment.claim) : [],
  settings: [...settingNumbers(experiment), ...LAB_CONSTANTS],
});

/** The numbers of the experiment's intro and takeaway that nothing backs (see the module comment). */
export function unbackedNumbers(experiment: Experiment): UnbackedNumber[] {
  const { claimed, settings } = experimentBacking(experiment);
  return unbackedIn(
    [
      { field: 'intro', text: experiment.intro },
      { field: 'takeaway', text: experiment.takeaway },
    ],
    claimed,
    settings,
  );
}

/**
 * The numbers of a prediction's question, choices and explanation that nothing backs: what backs the
 * experiment's text, and the prediction's own ranges (a choice "under 20 %" is its `below: 0.2`),
 * which experimentClaims.test.ts checks the runs land in.
 */
export function unbackedPredictionNumbers(
  prediction: Prediction,
  experiment: Experiment,
): UnbackedNumber[] {
  const { claimed, settings } = experimentBacking(experiment);
  const { measure } = prediction;
  const quantity: Quantity =
    measure.kind === 'finalAccuracy' ? 'share' : measure.kind === 'stepsToLoss' ? 'steps' : 'value';
  const bounds: ClaimedNumber[] = [];
  const bound = (value: number) => bounds.push(point(value, 'a range of the prediction', quantity));
  const range = (r: { from?: number | undefined; below?: number | undefined }) => {
    if (r.from !== undefined) bound(r.from);
    if (r.below !== undefined) bound(r.below);
  };
  for (const choice of prediction.choices ?? []) range(choice);
  if (prediction.slider) {
    const { min, max, step, expected } = prediction.slider;
    [min, max, step].forEach(bound);
    range(expected);
  }
  if (measure.kind === 'stepsToLoss')
    bounds.push(point(measure.loss, 'the loss the prediction measures', 'value'));
  return unbackedIn(
    [
      { field: 'question', text: prediction.question },
      ...(prediction.choices ?? []).map((c, i) => ({ field: `choice ${i + 1}`, text: c.text })),
      { field: 'explanation', text: prediction.explanation },
    ],
    [...claimed, ...bounds],
    settings,
  );
}
