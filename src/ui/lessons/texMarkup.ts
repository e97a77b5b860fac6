import katex from 'katex';

/**
 * Lesson math, typeset by KaTeX straight into HTML that the browser parses natively.
 *
 * rehype-katex did the same typesetting, then parsed KaTeX's HTML back into a syntax tree (through a
 * `<template>` element) and React made an element of every one of its spans: on lesson 1 that
 * conversion was most of a 450 ms main-thread task while the page loaded (a Chromium CPU profile:
 * the template parse alone 761 ms of samples under load, the tree-to-React step 360 ms). Here a rehype
 * step only marks each formula (`markMath`, src/lessons/markMath.ts, run when the app is built), and
 * Prose's `TexSpan` sets KaTeX's HTML as the inner HTML of one element.
 *
 * Safety: the HTML is KaTeX's own output with `trust` off (no links, no classes or styles from the
 * lesson), as rehype-katex inserted it; lesson Markdown's raw HTML is still never interpreted.
 */

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

/** KaTeX's faces that most formulas use: upright and bold text, italic letters, the larger symbols. */
const MATH_FONTS = [
  '1em KaTeX_Main',
  'bold 1em KaTeX_Main',
  'italic 1em KaTeX_Math',
  '1em KaTeX_Size1',
  '1em KaTeX_Size2',
  '1em KaTeX_AMS',
];

/**
 * Starts downloading KaTeX's main fonts (their faces are in the stylesheet Prose imports), without
 * waiting for them. Otherwise each is requested when the first formula using it is laid out, and its
 * arrival lays out every formula already on the page again: lesson 4's first formulas were laid out
 * twice, about 500 objects in a frame after their own (traced with the CPU throttled 4×, issue 17).
 */
export function loadMathFonts(): void {
  // Not every environment has the CSS Font Loading API (jsdom has none): there the fonts load as before.
  const fonts = (document as { fonts?: FontFaceSet }).fonts;
  if (fonts === undefined) return;
  for (const font of MATH_FONTS) void fonts.load(font).catch(() => undefined);
}
