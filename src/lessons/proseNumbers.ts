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
 *   - a small count written as a word ("the two schemes", "three ways"), not an estimate ("about
 *     three"), a factor or a fraction; an ordered list's item numbers are not read at all;
 *   - a figure of a cited source: a sentence that names its source (an author with "et al.", an arXiv
 *     id or a year of publication: "Wu & He 2018") reports that source's numbers, not ours.
 * A measurement is backed by
 *   - a claim of a block of the number's own section (an experiment's claim, a practice's, a depth
 *     probe's `expect`), or of a block its sentence names by title or by its id as code, of its kind
 *     and to the digits written, as a quiz's numbers are (blockNumbers.ts); the chance loss ln 10
 *     where the sentence presents the number as the chance loss. A claim elsewhere in the lesson
 *     whose range happens to cover the number backs nothing;
 *   - a setting of a block of the number's own section or of a block its sentence names, or a
 *     constant of the Lab, presented as that setting ("batch 2", "lr 0.5", "the 20-layer network",
 *     "8,000 training images"): `batchSize: 2` does not back "stays above 2", nor "at batch 2" in a
 *     section whose experiments never train at batch 2;
 *   - a measured figure: a sentence test/lessons/proseFigures.test.ts quotes and checks against the
 *     engine's runs or probes (`measured`, the quotes).
 * Arithmetic belongs in math (`$2 \cdot 196 = 392$`), as in the blocks.
 */
import { blockBacking, CHANCE_LOSS, type Backing } from './blockNumbers';
import {
  backs,
  LAB_CONSTANTS,
  presentedAs,
  settingBacks,
  statedNumbers,
  withoutMath,
  type ClaimedNumber,
  type SettingNumber,
  type StatedNumber,
} from './claimNumbers';
import type { BlockSegment, ParsedLesson } from './parseLesson';

/** Why a number of the prose is not a measurement. */
export type NotMeasured = 'date' | 'name' | 'citation' | 'count';

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
    .replace(/\]\([^)\s]*\)/g, (m) => `]${blank(m.slice(1))}`)
    // An ordered list's item numbers ("1. Measure first") number the text; they state nothing.
    .replace(
      /^( {0,3})(\d{1,2})([.)])(?= )/gm,
      (_, indent: string, n: string, mark: string) => `${indent}${blank(n)}${mark}`,
    );
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

/** A small count written as a word: "the two schemes", "three ways", "the four cases". */
const COUNT_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;
/** Words that make a number an estimate of something measured: "about three", "nearly ten". */
const ESTIMATE = /\b(?:about|roughly|nearly|almost|around|some|over|under|only|just)\s+$/i;

function notMeasured(sentence: string, n: StatedNumber): NotMeasured | undefined {
  const end = n.index + n.text.length;
  if (
    COUNT_WORD.test(n.text) &&
    !n.factor &&
    !n.steps &&
    !ESTIMATE.test(sentence.slice(Math.max(0, n.index - 10), n.index))
  )
    return 'count';
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

/** A heading of the prose ('#' or '##', outside fenced code): where a section starts. */
const HEADING = /^ {0,3}#{1,2}[ \t]+\S/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Where in the text each section heading starts, in order. */
function headingStarts(text: string): number[] {
  const starts: number[] = [];
  let fenced = false;
  let at = 0;
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) fenced = !fenced;
    else if (!fenced && HEADING.test(line)) starts.push(at);
    at += line.length + 1;
  }
  return starts;
}

/**
 * A block's names a sentence may use to point at its measurement: its id written as code
 * (`stalled-deep-net`) and its title, each matched as whole words, ignoring case.
 */
function blockNames(segment: BlockSegment): RegExp {
  const title = 'title' in segment.data ? segment.data.title : undefined;
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const names = [`\`${escape(segment.id)}\``];
  if (typeof title === 'string')
    names.push(`(?<![\\p{L}\\p{N}])${escape(title)}(?![\\p{L}\\p{N}])`);
  return new RegExp(names.join('|'), 'iu');
}

/** The words that present a number as the chance loss, ln 10 ≈ 2.303 ("chance", "a guess"). */
const CHANCE_WORDS = /\bchance\b|\bguess|\bln\b|\buniform\b|\beven\b|\bat random\b/i;

/**
 * Every number the lesson's prose states, with its verdict. `measured` are the sentences that a test
 * checks against the engine (test/lessons/proseFigures.test.ts), quoted as the lesson writes them.
 *
 * A claim or a setting backs a number only where the number speaks about it: a claim or a setting
 * of a block in the number's own section (between two '#'/'##' headings, or before the first), or
 * of a block the sentence names by its id or title; a setting backs only a number presented as that
 * setting. A `batchSize: 2` of another section does not back "at batch 2" here: the sentence is
 * about this section's experiment, or it names the one it means. The chance loss ln 10 and the
 * Lab's constants back a number presented as what they are anywhere.
 */
export function proseNumbers(lesson: ParsedLesson, measured: readonly string[]): ProseNumber[] {
  // Pass 1: what each section's blocks claim and set, and every block's names.
  const sections: { claimed: ClaimedNumber[]; settings: SettingNumber[] }[] = [
    { claimed: [], settings: [] },
  ];
  const named: { names: RegExp; backing: Backing }[] = [];
  for (const segment of lesson.segments) {
    if (segment.kind === 'markdown') {
      for (let i = headingStarts(segment.text).length; i > 0; i--)
        sections.push({ claimed: [], settings: [] });
    } else if (segment.kind !== 'invalid') {
      const backing = blockBacking(segment);
      sections[sections.length - 1]!.claimed.push(...backing.claimed);
      sections[sections.length - 1]!.settings.push(...backing.settings);
      named.push({ names: blockNames(segment), backing });
    }
  }
  // Pass 2: each number of the prose, against what its section and the blocks its sentence names
  // claim and set.
  const found: ProseNumber[] = [];
  let section = 0;
  for (const segment of lesson.segments) {
    if (segment.kind !== 'markdown') continue;
    const prose = proseOnly(segment.text);
    const quoted = quoteRanges(segment.text, measured);
    const headings = headingStarts(segment.text);
    for (const sentence of sentences(prose)) {
      const here = section + headings.filter((h) => h <= sentence.start).length;
      const written = segment.text.slice(sentence.start, sentence.start + sentence.text.length);
      const spoken: Backing[] = [
        sections[here] ?? { claimed: [], settings: [] },
        ...named.filter((b) => b.names.test(written)).map((b) => b.backing),
      ];
      const claimed = spoken.flatMap((b) => b.claimed);
      const settings = [...LAB_CONSTANTS, ...spoken.flatMap((b) => b.settings)];
      for (const number of statedNumbers(sentence.text)) {
        if (number.value === 0 && !number.percent) continue;
        const at = sentence.start + number.index;
        const line = segment.line + (segment.text.slice(0, at).match(/\n/g)?.length ?? 0);
        const why = notMeasured(sentence.text, number);
        const chance =
          backs(CHANCE_LOSS, number) && presentedAs(sentence.text, number, CHANCE_WORDS);
        const verdict: ProseNumber['verdict'] = quoted.some(([a, b]) => at >= a && at < b)
          ? { kind: 'backed', by: 'measured' }
          : settings.some((s) => settingBacks(s, number, sentence.text))
            ? { kind: 'backed', by: 'setting' }
            : chance || claimed.some((c) => backs(c, number))
              ? { kind: 'backed', by: 'claim' }
              : why
                ? { kind: 'notMeasured', why }
                : { kind: 'unbacked' };
        found.push({ line, number, sentence: sentence.text.replace(/\s+/g, ' ').trim(), verdict });
      }
    }
    section += headings.length;
  }
  return found;
}
