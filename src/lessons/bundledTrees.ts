/**
 * The lessons' Markdown parsed when the app was built (markdownTree.ts), by its text: the lesson page
 * and the deck add the bundled trees (loadProse.ts) and Prose renders a text it finds here without
 * parsing it. Each tree is kept as the JSON the build wrote and parsed on first use, so adding them
 * all costs one JSON parse of strings, not of every lesson's trees.
 */
import type { Root } from 'hast';

/** Each Markdown text's hast tree, as JSON. */
export type MarkdownTrees = Readonly<Record<string, string>>;

const known = new Map<string, string | Root>();

export function addMarkdownTrees(trees: MarkdownTrees): void {
  for (const [text, json] of Object.entries(trees)) {
    if (!known.has(text)) known.set(text, json);
  }
}

/** The bundled tree of `markdown`, or undefined when the build did not parse that text. */
export function bundledTree(markdown: string): Root | undefined {
  const tree = known.get(markdown);
  if (typeof tree !== 'string') return tree;
  const parsed = JSON.parse(tree) as Root;
  known.set(markdown, parsed);
  return parsed;
}
