// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTrack } from '../../../src/lessons/track';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { ALPHA, FIXTURE_FILES } from '../../lessons/progress/fixtureTrack';
import { loadProgressFor, setupLessonTests } from './lessonTestEnvironment';

setupLessonTests();

const track = buildTrack({
  ...FIXTURE_FILES,
  'lessons/01-alpha.md': `${ALPHA}\n## Going *further*\n\nMore text.\n`,
});

function renderAlpha(section?: string) {
  loadProgressFor(track);
  const view = render(<LessonPage track={track} id="alpha" instructor={false} section={section} />);
  return { ...view, contents: screen.getByRole('navigation', { name: 'Lesson contents' }) };
}

/** Puts each element's top `tops[id]` pixels below the top of a window 900 px high. */
function layOut(tops: Record<string, number>, pageHeight = 3000, pageTop = 0): void {
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const isPage = this.tagName === 'ARTICLE';
    const top = isPage ? pageTop : (tops[this.id] ?? 5000);
    const height = isPage ? pageHeight : 40;
    return DOMRect.fromRect({ x: 0, y: top, width: 600, height });
  });
}

async function scrolled(): Promise<void> {
  await act(async () => {
    fireEvent.scroll(window);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

describe('a lesson’s table of contents', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a labelled navigation landmark linking to every section, with the finishing section last', () => {
    const { contents } = renderAlpha();
    const links = within(contents).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Signals',
      'Going further',
      'Finishing this lesson',
    ]);
    expect(links[0]).toHaveAttribute('href', '#/lessons/alpha?section=section-signals');
    for (const link of links) {
      const id = new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get('section')!;
      expect(document.getElementById(id)).toHaveTextContent(link.textContent!);
    }
  });

  it('marks the section being read and says how far through the lesson the learner is', async () => {
    const { contents } = renderAlpha();
    layOut(
      {
        'section-signals': -700,
        'section-going-further': 200,
        'section-finishing-this-lesson': 1500,
      },
      3000,
      -1050,
    );
    await scrolled();
    const current = within(contents).getByRole('link', { current: 'location' });
    expect(current).toHaveTextContent('Going further');
    expect(
      within(contents).getByText(/^Section 2 of 3: Going further · 50% read$/),
    ).toBeInTheDocument();
    expect(within(contents).getByRole('progressbar', { name: 'Reading progress' })).toHaveAttribute(
      'aria-valuetext',
      '50% of the lesson read',
    );

    layOut(
      {
        'section-signals': -2000,
        'section-going-further': -1100,
        'section-finishing-this-lesson': 100,
      },
      3000,
      -2100,
    );
    await scrolled();
    expect(within(contents).getByRole('link', { current: 'location' })).toHaveTextContent(
      'Finishing this lesson',
    );
    expect(within(contents).getByText(/^Section 3 of 3: .* · 100% read$/)).toBeInTheDocument();
  });

  it('opens and closes on narrow screens from a button that says whether it is open', async () => {
    const user = userEvent.setup();
    const { contents } = renderAlpha();
    const toggle = within(contents).getByRole('button', { name: 'Contents' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', within(contents).getByRole('list').id);
    await user.click(toggle);
    expect(within(contents).getByRole('button', { name: 'Hide contents' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('goes to a section named in the address, and to the section of a link followed later', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    layOut({
      'section-signals': 300,
      'section-going-further': 1400,
      'section-finishing-this-lesson': 2500,
    });
    const { rerender } = renderAlpha('section-going-further');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(scrollTo).toHaveBeenLastCalledWith(0, 1400);
    expect(document.activeElement).toBe(document.getElementById('section-going-further'));

    rerender(
      <LessonPage
        track={track}
        id="alpha"
        instructor={false}
        section="section-finishing-this-lesson"
      />,
    );
    expect(scrollTo).toHaveBeenLastCalledWith(0, 2500);
    expect(document.activeElement).toHaveTextContent('Finishing this lesson');
  });
});
