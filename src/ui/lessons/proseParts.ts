/**
 * A lesson's Markdown cut into parts of about `maxChars` each, at boundaries between top-level
 * blocks, so that each part is parsed, typeset and rendered by a component of its own. React can
 * then render a long passage in slices between which the page answers input: parsed whole, one
 * 3,800-character passage of lesson 1 with its formulas was one unit of React work of about 130 ms
 * (and four times that with the CPU throttled as on a low-end phone; docs/PERFORMANCE-UI.md).
 *
 * Rendering the parts one after another gives the markup of the whole (test/ui/lessons/proseParts
 * checks it for every lesson): a cut is made only at a blank line outside fenced code and display
 * math, before a line that starts a new block at the left margin, and never between the items of
 * one list. Where it is unsure it does not cut, which is always safe. Cuts separate only the blocks
 * that a blank line separates anyway, so nothing that spans blocks (a list, a quote's lines, a
 * table) is divided; lessons use no link reference definitions or footnotes, which would.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Display math (remark-math): `$$` on a line of its own, or followed by text without a `$`. */
const MATH_OPEN = /^ {0,3}\$\$[^$]*$/;
const MATH_CLOSE = /^ {0,3}\$\$+[ \t]*$/;
/** An HTML comment runs to its `-->` across blank lines: never cut inside one. */
const COMMENT_OPEN = /^ {0,3}<!--/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** What the line-by-line scan is inside of, where a blank line does not end the block. */
type Inside =
  { kind: 'fence'; marker: string } | { kind: 'math' } | { kind: 'comment' } | undefined;

/** What `line` leaves the scan inside of, given what it was inside of before. */
function after(inside: Inside, line: string): Inside {
  if (inside?.kind === 'fence') {
    const close = FENCE.exec(line);
    const run = close?.[1];
    const closes =
      run !== undefined &&
      run[0] === inside.marker[0] &&
      run.length >= inside.marker.length &&
      line.trim() === run;
    return closes ? undefined : inside;
  }
  if (inside?.kind === 'math') return MATH_CLOSE.test(line) ? undefined : inside;
  if (inside?.kind === 'comment') return line.includes('-->') ? undefined : inside;
  const fence = FENCE.exec(line)?.[1];
  if (fence !== undefined) return { kind: 'fence', marker: fence };
  if (MATH_OPEN.test(line)) return { kind: 'math' };
  if (COMMENT_OPEN.test(line) && !line.includes('-->')) return { kind: 'comment' };
  return undefined;
}

/** The top-level blocks of `markdown`, each with the blank lines that follow it. */
function blocks(markdown: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inside: Inside;
  let afterBlank = false;
  /** Whether the block holds a list item at the left margin. */
  let inList = false;
  for (const line of markdown.split('\n')) {
    const blank = line.trim() === '';
    const startsBlock =
      afterBlank &&
      inside === undefined &&
      !blank &&
      // An indented line continues a list item (or is indented code): part of what came before.
      !/^[ \t]/.test(line) &&
      // A later item of a list whose items are separated by blank lines (a list may also begin
      // within the block, right after a paragraph's last line).
      !(inList && LIST_ITEM.test(line));
    if (startsBlock && current.length > 0) {
      out.push(current.join('\n'));
      current = [];
      inList = false;
    }
    current.push(line);
    if (inside === undefined && LIST_ITEM.test(line)) inList = true;
    inside = after(inside, line);
    afterBlank = blank;
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

/** Whether `part` is a displayed formula (`$$` on its first line), which proseParts cuts out alone. */
export function isDisplayFormula(part: string): boolean {
  return MATH_OPEN.test(part.split('\n', 1)[0] ?? '');
}

/**
 * `markdown` as consecutive parts of at least `maxChars` characters each (the last may be shorter,
 * and a single block longer than `maxChars` is one part), except that a displayed formula standing
 * as a block of its own is always a part of its own: KaTeX makes far more elements of it than of
 * prose (lesson 4's first, 170 characters of TeX, is 366 elements; a paragraph of 500 characters
 * about 80), and laid out in one frame with the text around it, that frame used 135-178 ms of CPU
 * with the CPU throttled 4× (issue 17). Joined with '\n' the parts are `markdown`.
 */
export function proseParts(markdown: string, maxChars = 800): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const block of blocks(markdown)) {
    if (isDisplayFormula(block)) {
      if (current.length > 0) parts.push(current.join('\n'));
      parts.push(block);
      current = [];
      size = 0;
      continue;
    }
    current.push(block);
    size += block.length + 1;
    if (size >= maxChars) {
      parts.push(current.join('\n'));
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) parts.push(current.join('\n'));
  return parts;
}

/** Passages already cut: the lesson page and each passage's Prose ask for the same ones. */
const cut = new Map<string, readonly string[]>();
const CUT_LIMIT = 500;

/** `proseParts(markdown)`, remembered: what Prose renders and what the lesson page reveals by. */
export function passageParts(markdown: string): readonly string[] {
  const known = cut.get(markdown);
  if (known !== undefined) return known;
  const parts = proseParts(markdown);
  if (cut.size >= CUT_LIMIT) cut.clear();
  cut.set(markdown, parts);
  return parts;
}
