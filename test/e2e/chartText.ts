import type { Page } from 'playwright-core';

export interface ShownText {
  /** The text, cut to 40 characters. */
  readonly text: string;
  /** Its size on screen in CSS pixels: an SVG's text scaled as its picture is drawn. */
  readonly px: number;
  /** The chart (its figure's accessible name) or the element class it sits in, to find it by. */
  readonly where: string;
}

/**
 * Every piece of visible text inside the elements `selector` matches, with its size as it is seen.
 * A computed font size alone is not that: text in an SVG with a viewBox is drawn scaled (a 20 px
 * label in a 480-unit chart shown 300 px wide is 12.5 px on screen), so it is multiplied by the
 * element's screen transform. Typeset math keeps its own proportions: its sub- and superscripts
 * (70 % of the formula) and KaTeX's hidden MathML and struts are left out; a formula's body counts.
 */
export async function shownTextSizes(page: Page, selector: string): Promise<ShownText[]> {
  return page.evaluate((rootSelector) => {
    const out: { text: string; px: number; where: string }[] = [];
    for (const root of document.querySelectorAll(rootSelector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').replace(/\u200b/g, '').trim();
        const element: Element | null = node.parentElement;
        if (text === '' || !element) continue;
        if (element.closest('.nl-visually-hidden, .katex-mathml, .msupsub, .mtight')) continue;
        const box = element.getBoundingClientRect();
        // A 1 × 1 px clip is the visually-hidden pattern (a heading the scene's own repeats).
        if (box.width <= 1 || box.height <= 1) continue;
        if (!element.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) {
          continue;
        }
        let px = parseFloat(getComputedStyle(element).fontSize);
        if (element instanceof SVGGraphicsElement) {
          const matrix = element.getScreenCTM();
          if (matrix) px *= Math.hypot(matrix.a, matrix.b);
        }
        const figure = element.closest('figure.nl-chart');
        const where =
          figure?.getAttribute('aria-label') ??
          figure?.querySelector('.nl-chart__title')?.textContent ??
          element.closest('[class]')?.getAttribute('class') ??
          element.tagName;
        out.push({ text: text.slice(0, 40), px: Math.round(px * 10) / 10, where });
      }
    }
    return out;
  }, selector);
}

/** Every piece of text drawn in a chart card (titles, ticks, axis titles, legends, notes), with its size. */
export async function chartTextSizes(page: Page, within = ''): Promise<ShownText[]> {
  return shownTextSizes(page, `${within} figure.nl-chart`.trim());
}
