/**
 * Marks every formula of remark-math's output for typesetting: each becomes an empty span that holds
 * its TeX, which the lesson page typesets with KaTeX straight into HTML (src/ui/lessons/texMarkup.ts).
 * A step of the lesson Markdown's pipeline (markdownTree.ts), run when the app is built.
 */

/** The data attributes a marked formula carries (hast property names, as React receives them). */
export const TEX_PROPERTY = 'dataTex';
export const DISPLAY_PROPERTY = 'dataTexDisplay';

/** The parts of a hast tree this step reads and writes. */
interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function classesOf(node: HastNode): readonly unknown[] {
  const names = node.properties?.['className'];
  return Array.isArray(names) ? names : [];
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** A formula's place in the tree: a span that holds its TeX and whether it is displayed. */
function marker(tex: string, display: boolean): HastNode {
  return {
    type: 'element',
    tagName: 'span',
    properties: { [TEX_PROPERTY]: tex, [DISPLAY_PROPERTY]: display ? 'true' : 'false' },
    children: [],
  };
}

/**
 * The formula an element of remark-math's output stands for: `code.math-inline` (`$…$`),
 * `pre > code.math-display` (`$$…$$`) or ` ```math `, as rehype-katex recognises them.
 */
function formulaOf(node: HastNode): { tex: string; display: boolean } | undefined {
  if (node.type !== 'element') return undefined;
  const code =
    node.tagName === 'pre' && node.children?.length === 1 ? node.children[0]! : undefined;
  if (code && code.type === 'element' && code.tagName === 'code') {
    const classes = classesOf(code);
    if (classes.includes('language-math') || classes.includes('math-display')) {
      return { tex: textOf(code), display: true };
    }
  }
  const classes = classesOf(node);
  if (classes.includes('math-display')) return { tex: textOf(node), display: true };
  if (classes.includes('math-inline') || classes.includes('language-math')) {
    return { tex: textOf(node), display: false };
  }
  return undefined;
}

function mark(node: HastNode): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const formula = formulaOf(children[i]!);
    if (formula) children[i] = marker(formula.tex, formula.display);
    else mark(children[i]!);
  }
}

/** A rehype plugin: every formula of remark-math's output becomes a marker span (see TexMath). */
export function markMath() {
  return (tree: HastNode): void => mark(tree);
}
