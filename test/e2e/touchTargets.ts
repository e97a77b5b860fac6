import type { Page } from 'playwright-core';

/** WCAG 2.5.5's target size, which issue 14 asks of every control on a touch screen. */
export const TOUCH_TARGET_PX = 44;

/**
 * Every visible control of the page shorter than 44 px, named with its height ("Seed: 36 px"). A
 * checkbox's or radio button's target is its label's row, so the label's height counts for it.
 */
export function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate((minimum) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, select, input, summary, [role="tab"], a.nl-button',
    );
    const out: string[] = [];
    for (const control of controls) {
      if (control.closest('.nl-visually-hidden')) continue;
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const input = control instanceof HTMLInputElement ? control : undefined;
      const label =
        input && (input.type === 'checkbox' || input.type === 'radio')
          ? (input.labels?.[0]?.getBoundingClientRect().height ?? 0)
          : 0;
      const height = Math.max(box.height, label);
      if (height < minimum) {
        const name =
          control.getAttribute('aria-label') ??
          input?.labels?.[0]?.textContent ??
          control.textContent ??
          control.tagName;
        out.push(`${name.trim().slice(0, 40)}: ${Math.round(height)} px`);
      }
    }
    return out;
  }, TOUCH_TARGET_PX);
}
