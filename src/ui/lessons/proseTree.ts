import type { Root } from 'hast';
import { bundledTree } from '../../lessons/bundledTrees';
import { markdownTree } from '../../lessons/markdownTree';

/** Texts parsed here rather than at build time (a milestone page's own text, a deck's equation). */
const parsedHere = new Map<string, Root>();
const PARSED_LIMIT = 500;
let parses = 0;

/**
 * The syntax tree of `markdown`: the one the build made (bundledTrees.ts) for every lesson's
 * Markdown, and otherwise parsed here, once per text.
 */
export function proseTree(markdown: string): Root {
  const bundled = bundledTree(markdown);
  if (bundled !== undefined) return bundled;
  const known = parsedHere.get(markdown);
  if (known !== undefined) return known;
  parses++;
  const tree = markdownTree(markdown);
  if (parsedHere.size >= PARSED_LIMIT) parsedHere.clear();
  parsedHere.set(markdown, tree);
  return tree;
}

/** How many texts the page has parsed itself (test/ui/lessons/realLessons: none on a lesson page). */
export function markdownParsedInPage(): number {
  return parses;
}
