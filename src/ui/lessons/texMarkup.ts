import katex from 'katex';

/**
 * Lesson math, typeset by KaTeX straight into HTML that the browser parses natively.
 *
 * rehype-katex did the same typesetting, then parsed KaTeX's HTML back into a syntax tree (through a
 * `<template>` element) and React made an element of every one of its spans: on lesson 1 that
 * conversion was most of a 450 ms main-thread task while the page loaded (a Chromium CPU profile:
 * the template parse alone 761 ms of samples under load, the tree-to-React step 360 ms). Here a rehype
 * step only marks each formula (`markMath`), and `TexMath` sets KaTeX's HTML as the inner HTML of
 * one element.
 *
 * Safety: the HTML is KaTeX's own output with `trust` off (no links, no classes or styles from the
 * lesson), as rehype-katex inserted it; lesson Markdown's raw HTML is still never interpreted.
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

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Formulas already typeset: a lesson re-renders the same ones as its blocks update. */
const typeset = new Map<string, string>();
const TYPESET_LIMIT = 5000;

/**
 * KaTeX's HTML for `tex`. Errors are handled as rehype-katex handled them: a formula KaTeX rejects is
 * typeset leniently (shown in red where it fails), and anything else becomes its source in red.
 */
export function texToHtml(tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const known = typeset.get(key);
  if (known !== undefined) return known;
  let html: string;
  try {
    html = katex.renderToString(tex, { displayMode: display, throwOnError: true });
  } catch (error) {
    try {
      html = katex.renderToString(tex, {
        displayMode: display,
        strict: 'ignore',
        throwOnError: false,
      });
    } catch {
      html = `<span class="katex-error" style="color:#cc0000" title="${escapeHtml(String(error))}">${escapeHtml(tex)}</span>`;
    }
  }
  if (typeset.size >= TYPESET_LIMIT) typeset.clear();
  typeset.set(key, html);
  return html;
}
