/**
 * "A claim behind every number" for the prose between the blocks. Every number a lesson's Markdown
 * states is read (claimNumbers.ts reads it, skipping math, references such as "lesson 2", "Figure 3",
 * "arXiv:1502.03167", years of citations and "ln 10") and is either a measurement, which something
 * the tests check must back, or one of the kinds of number that are not measurements, each told apart
 * by how the text writes it, never by a list of strings:
 *   - code (inline `…` or a fenced block): what the learner types, whose numbers are arguments
 *     (`nn.LayerNorm(512)`, `eps=1e-5`, `model[-1]`);
 *   - a date ("11 February 2015");
 *   - part of a name, after a hyphen ("ResNet-50");
 *   - a figure of a cited source: a sentence that names its source (an author with "et al.", an arXiv
 *     id or a year of publication: "Wu & He 2018") reports that source's numbers, not ours.
 * A measurement is backed by
 *   - a claim of the lesson (any experiment's claim, a practice's, a depth probe's `expect`), of its
 *     kind and to the digits written, as a quiz's numbers are (blockNumbers.ts);
 *   - a setting of the lesson or a constant of the Lab, presented as that setting ("batch 2", "lr
 *     0.5", "the 20-layer network", "8,000 training images"): `batchSize: 2` does not back "stays
 *     above 2";
 *   - a measured figure: a sentence test/lessons/proseFigures.test.ts quotes and checks against the
 *     engine's runs or probes (`measured`, the quotes).
 * Arithmetic belongs in math (`$2 \cdot 196 = 392$`), as in the blocks.
 */
import { lessonBacking } from './blockNumbers';
import { backs, settingBacks, statedNumbers, withoutMath, type StatedNumber } from './claimNumbers';
import type { ParsedLesson } from './parseLesson';

/** Why a number of the prose is not a measurement. */
export type NotMeasured = 'date' | 'name' | 'citation';

/** What backs a measurement of the prose. */
export type Backer = 'claim' | 'setting' | 'measured';

export interface ProseNumber {
  /** The lesson file's line the number is on. */
  readonly line: number;
  readonly number: StatedNumber;
  /** The sentence it is in, with code and math blanked out. */
  readonly sentence: string;
  readonly verdict:
    | { readonly kind: 'notMeasured'; readonly why: NotMeasured }
    | { readonly kind: 'backed'; readonly by: Backer }
    | { readonly kind: 'unbacked' };
}

const blank = (m: string) => m.replace(/[^\n]/g, ' ');

/**
 * The prose without what is not stated as prose, each character kept in place so that positions and
 * lines still hold: fenced code, inline code, math, and the targets of links.
 */
export function proseOnly(markdown: string): string {
  const noCode = markdown
    .replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\]\([^)\s]*\)/g, (m) => `]${blank(m.slice(1))}`);
  return withoutMath(noCode);
}

/**
 * Where each sentence of the prose starts and ends: at ". ", "! " or "? " before a capital letter or
 * an opening mark, at a blank line, at a list item, a table row or a heading.
 */
export function sentences(prose: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const boundary = /[.!?](?=\s+[\p{Lu}("“*_[])|\n\s*\n|\n(?=\s*(?:[-*+]\s|\d+\.\s|\||#))/gu;
  let start = 0;
  for (const m of prose.matchAll(boundary)) {
    const end = m.index + m[0].length;
    out.push({ start, text: prose.slice(start, end) });
    start = end;
  }
  out.push({ start, text: prose.slice(start) });
  return out;
}

const MONTH =
  /(?:January|February|March|April|May|June|July|August|September|October|November|December)/;
const DATE_AFTER = new RegExp(String.raw`^\s+${MONTH.source}\b`);
const DATE_BEFORE = new RegExp(String.raw`\b${MONTH.source}\s+$`);

/** A sentence that names its source: an author with "et al.", an arXiv id, a year of publication. */
const CITES = /\bet al\.|\barXiv:\d|(?<![\p{L}\p{N}])(?:19[5-9]\d|20[0-2]\d)(?![\p{L}\p{N}])/u;

function notMeasured(sentence: string, n: StatedNumber): NotMeasured | undefined {
  const end = n.index + n.text.length;
  if (DATE_AFTER.test(sentence.slice(end, end + 12))) return 'date';
  if (DATE_BEFORE.test(sentence.slice(Math.max(0, n.index - 12), n.index))) return 'date';
  if (/\p{L}-$/u.test(sentence.slice(Math.max(0, n.index - 2), n.index))) return 'name';
  if (CITES.test(sentence)) return 'citation';
  return undefined;
}

/** Where each quote occurs in the text, whitespace matching any whitespace. */
function quoteRanges(text: string, quotes: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const quote of quotes) {
    const pattern = quote
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    for (const m of text.matchAll(new RegExp(pattern, 'g')))
      ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * Every number the lesson's prose states, with its verdict. `measured` are the sentences that a test
 * checks against the engine (test/lessons/proseFigures.test.ts), quoted as the lesson writes them.
 */
export function proseNumbers(lesson: ParsedLesson, measured: readonly string[]): ProseNumber[] {
  const { claimed, settings } = lessonBacking(lesson);
  const found: ProseNumber[] = [];
  for (const segment of lesson.segments) {
    if (segment.kind !== 'markdown') continue;
    const prose = proseOnly(segment.text);
    const quoted = quoteRanges(segment.text, measured);
    for (const sentence of sentences(prose)) {
      for (const number of statedNumbers(sentence.text)) {
        if (number.value === 0 && !number.percent) continue;
        const at = sentence.start + number.index;
        const line = segment.line + (segment.text.slice(0, at).match(/\n/g)?.length ?? 0);
        const why = notMeasured(sentence.text, number);
        const verdict: ProseNumber['verdict'] = quoted.some(([a, b]) => at >= a && at < b)
          ? { kind: 'backed', by: 'measured' }
          : settings.some((s) => settingBacks(s, number, sentence.text))
            ? { kind: 'backed', by: 'setting' }
            : claimed.some((c) => backs(c, number))
              ? { kind: 'backed', by: 'claim' }
              : why
                ? { kind: 'notMeasured', why }
                : { kind: 'unbacked' };
        found.push({ line, number, sentence: sentence.text.replace(/\s+/g, ' ').trim(), verdict });
      }
    }
  }
  return found;
}
