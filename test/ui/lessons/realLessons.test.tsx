// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { readdirSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loadTrack } from '../../../src/lessons/loadTrack';
import { formatIssue } from '../../../src/lessons/track';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { markdownParsedInPage } from '../../../src/ui/lessons/proseTree';
import { loadProgressFor, setupLessonTests } from './lessonTestEnvironment';

setupLessonTests();

const track = loadTrack();

describe('the real lessons in the app', () => {
  it('bundles every lessons/*.md file but the README, with no issue', () => {
    const files = readdirSync('lessons')
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .sort()
      .map((name) => `lessons/${name}`);
    expect(files).toContain('lessons/05-going-deep.md');
    expect(files).toContain('lessons/06-batchnorm-after-training.md');
    expect(files).toContain('lessons/07-deep-without-normalization.md');
    expect(files).toContain('lessons/08-scale-invariance.md');
    expect(track.lessons.map((l) => l.file)).toEqual(files);
    expect(track.issues.map(formatIssue)).toEqual([]);
  });

  it.each(track.lessons.map((l) => [l.meta.id]))(
    'renders %s with every block and no error box',
    (id) => {
      vi.spyOn(console, 'error');
      loadProgressFor(track);
      const parsedBefore = markdownParsedInPage();
      const { container } = render(<LessonPage track={track} id={id} instructor />);
      // Every text on the page was parsed when the app was built (src/lessons/bundledTrees.ts).
      expect(markdownParsedInPage()).toBe(parsedBefore);
      const lesson = track.lessons.find((l) => l.meta.id === id)!;
      expect(screen.getByText(lesson.meta.title, { selector: 'h1' })).toBeInTheDocument();
      expect(container.querySelector('.nl-invalid-block, .nl-block-error')).toBeNull();
      const blocks = lesson.segments.filter((s) => s.kind !== 'markdown').length;
      expect(
        container.querySelectorAll('.nl-block, .nl-widget, section').length,
      ).toBeGreaterThanOrEqual(blocks);
      expect(console.error).not.toHaveBeenCalled();

      // The table of contents links to every section heading, each of which exists exactly once.
      const contents = screen.getByRole('navigation', { name: 'Lesson contents' });
      const links = within(contents).getAllByRole('link');
      expect(links.length).toBeGreaterThan(3);
      for (const link of links) {
        const target = new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get(
          'section',
        )!;
        expect(container.querySelectorAll(`[id="${target}"]`)).toHaveLength(1);
        expect(container.querySelector(`[id="${target}"]`)).toHaveTextContent(link.textContent!);
      }
    },
  );
});
