// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureReadingProgress } from '../../../src/ui/lessons/useReadingProgress';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** A page of `tops.length` section headings whose tops (px from the window's top) are `tops`. */
function pageWithHeadings(tops: readonly number[]) {
  const page = document.createElement('article');
  const measured: number[] = [];
  tops.forEach((top, i) => {
    const heading = document.createElement('h2');
    heading.id = `s${i}`;
    heading.getBoundingClientRect = () => {
      measured.push(i);
      return { top, bottom: top + 30 } as DOMRect;
    };
    page.append(heading);
  });
  document.body.append(page);
  page.getBoundingClientRect = () => ({ top: 0, height: 900 }) as DOMRect;
  const sections = tops.map((_, i) => ({ id: `s${i}`, title: `Section ${i}` }));
  return { page, sections, measured };
}

describe('measureReadingProgress', () => {
  it('finds the last heading above the reading line without measuring every heading', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(900);
    // The line is at 300 px: headings 0–4 are above it.
    const tops = [-2000, -1200, -400, 100, 250, 700, 1500, 2600, 3900, 5200, 6100, 7000];
    const { page, sections, measured } = pageWithHeadings(tops);
    expect(measureReadingProgress(page, sections).current).toBe(4);
    expect(measured.length).toBeLessThanOrEqual(4);
  });

  it('reads the first section before any heading has passed the line, and skips missing ones', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(900);
    const { page, sections } = pageWithHeadings([400, 800]);
    expect(measureReadingProgress(page, sections).current).toBe(0);
    const withMissing = [
      ...sections.slice(0, 1),
      { id: 'gone', title: 'Gone' },
      ...sections.slice(1),
    ];
    document.getElementById('s0')!.getBoundingClientRect = () => ({ top: 0 }) as DOMRect;
    expect(measureReadingProgress(page, withMissing).current).toBe(0);
    document.getElementById('s1')!.getBoundingClientRect = () => ({ top: 10 }) as DOMRect;
    expect(measureReadingProgress(page, withMissing).current).toBe(2);
  });
});
