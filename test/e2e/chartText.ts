import type { Page } from 'playwright-core';

/** Every piece of text drawn in a chart card (titles, ticks, axis titles, legends, notes), with its size. */
export async function chartTextSizes(page: Page): Promise<{ text: string; px: number }[]> {
  return page.evaluate(() => {
    const out: { text: string; px: number }[] = [];
    for (const figure of document.querySelectorAll('figure.nl-chart')) {
      const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const element = node.parentElement;
        if (text === '' || !element || element.closest('.nl-visually-hidden')) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        out.push({ text: text.slice(0, 40), px: parseFloat(getComputedStyle(element).fontSize) });
      }
    }
    return out;
  });
}
