// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildTrack } from '../../../src/lessons/track';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { ALPHA, BETA, FIXTURE_FILES, GAMMA, quizBlock } from '../../lessons/progress/fixtureTrack';
import { loadProgressFor, setupLessonTests } from './lessonTestEnvironment';

setupLessonTests();

function renderLesson(files: Record<string, string>, id: string, instructor = false) {
  const track = buildTrack(files);
  loadProgressFor(track);
  render(<LessonPage track={track} id={id} instructor={instructor} />);
  return track;
}

describe('LessonPage', () => {
  it('renders prose with math, then every block in order, under the lesson title', () => {
    renderLesson(FIXTURE_FILES, 'alpha');
    expect(screen.getByRole('heading', { level: 1, name: 'Alpha lesson' })).toBeInTheDocument();
    expect(screen.getByText('Lesson 1 of 3 · about 10 minutes')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Signals' })).toBeInTheDocument();
    expect(document.querySelector('.katex')).not.toBeNull();
    const blocks = screen
      .getAllByRole('region')
      .map((r) => r.querySelector('h3, h4')?.textContent ?? '')
      .filter((heading) => heading !== '');
    expect(blocks.slice(0, 4)).toEqual([
      'Experiment Loss falls',
      'Checkpoint Saw the loss fall',
      'Practice Add BatchNorm',
      'Question Why did it help?',
    ]);
    expect(screen.getByText('In progress: 4 quiz questions and 1 checkpoint to go.')).toBeVisible();
  });

  it('shows raw HTML in a lesson as text, never as elements', () => {
    const hostile = ALPHA.replace(
      'Some prose with math $x^2$.',
      'Look: <script>window.pwned = true</script> and <img src="x" onerror="window.pwned = true">',
    );
    renderLesson({ ...FIXTURE_FILES, 'lessons/01-alpha.md': hostile }, 'alpha');
    expect(document.querySelector('article script')).toBeNull();
    expect(document.querySelector('article img')).toBeNull();
    expect(screen.getByText(/<script>window\.pwned = true<\/script>/)).toBeInTheDocument();
    expect(screen.getByText(/<img src="x" onerror="window\.pwned = true">/)).toBeInTheDocument();
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('shows a broken block as an error box with file and line, and renders the rest', () => {
    const broken = ALPHA.replace('norm: batchNorm }\nclaim', 'norm: hyperNorm }\nclaim');
    const line = broken.split('\n').findIndex((l) => l.startsWith(':::practice')) + 1;
    renderLesson({ ...FIXTURE_FILES, 'lessons/01-alpha.md': broken }, 'alpha');
    const box = screen.getByRole('region', {
      name: 'This practice “add-bn” block could not be shown',
    });
    expect(box).toHaveTextContent(`lessons/01-alpha.md:${line}`);
    expect(box).toHaveTextContent(/requireSettings\.0\.settings\.norm: "hyperNorm" is not one of/);
    expect(screen.getByRole('region', { name: /Experiment Loss falls/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /a question 4\?/ })).toBeInTheDocument();
  });

  it('keeps the page when one block crashes while rendering', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // A practice whose experiment is missing cannot be built; the parser normally prevents this,
    // so the lesson is altered after parsing to reach the component's own guard.
    const track = buildTrack(FIXTURE_FILES);
    const alpha = track.lessons[0]!;
    const segments = alpha.segments.filter((s) => s.kind !== 'experiment');
    const altered = { ...track, lessons: [{ ...alpha, segments }, ...track.lessons.slice(1)] };
    loadProgressFor(altered);
    render(<LessonPage track={altered} id="alpha" instructor={false} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Something went wrong showing the practice exercise “Add BatchNorm”: its experiment 'falls' is missing from this lesson.",
    );
    expect(screen.getByRole('region', { name: /a question 1\?/ })).toBeInTheDocument();
  });

  it('explains why a locked lesson is locked and links to the lesson that opens it', () => {
    renderLesson(FIXTURE_FILES, 'beta');
    expect(screen.getByRole('heading', { level: 1, name: 'Beta lesson' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'This lesson is locked' })).toBeInTheDocument();
    expect(
      screen.getByText('This lesson opens when you complete “Alpha lesson”.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to “Alpha lesson”' })).toHaveAttribute(
      'href',
      '#/lessons/alpha',
    );
    expect(screen.queryByRole('region', { name: /b question 1/ })).not.toBeInTheDocument();
  });

  it('opens a locked lesson for an instructor, with a badge, and keeps the flag on the next link', () => {
    renderLesson(FIXTURE_FILES, 'beta', true);
    expect(screen.getByText('Instructor view')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /b question 1/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Next lesson: Gamma lesson' })).toHaveAttribute(
      'href',
      '#/lessons/gamma?instructor=1',
    );
  });

  it('says there is no such lesson and lists the real ones', () => {
    renderLesson(FIXTURE_FILES, 'xyz');
    expect(
      screen.getByRole('heading', { level: 1, name: 'No lesson called ‘xyz’' }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#/lessons/alpha', '#/lessons/beta', '#/lessons/gamma']);
  });

  it('links the last lesson to the milestone page', () => {
    renderLesson(
      { 'lessons/1.md': BETA.replace('order: 2', 'order: 1'), 'lessons/2.md': GAMMA },
      'gamma',
      true,
    );
    expect(
      screen.getByRole('link', { name: 'What comes next: learning-rate schedulers' }),
    ).toHaveAttribute('href', '#/next?instructor=1');
  });

  it('marks an advanced-track lesson, and leads from the course’s last lesson to the milestone and to it', () => {
    const files = {
      'lessons/1.md': ALPHA,
      'lessons/2.md': BETA,
      'lessons/3.md': GAMMA.replace('unlocks: [milestone]', 'unlocks: []\ntrack: advanced'),
    };
    renderLesson(files, 'beta', true);
    expect(screen.getByText('Lesson 2 of 2 · about 10 minutes')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'What comes next: learning-rate schedulers' }),
    ).toHaveAttribute('href', '#/next?instructor=1');
    expect(
      screen.getByRole('link', { name: 'Going further, the advanced track: Gamma lesson' }),
    ).toHaveAttribute('href', '#/lessons/gamma?instructor=1');
    cleanup();
    renderLesson(files, 'gamma', true);
    expect(
      screen.getByText('Advanced track · lesson 1 of 1 · about 10 minutes'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'What comes next: learning-rate schedulers' }),
    ).toHaveAttribute('href', '#/next?instructor=1');
    expect(screen.queryByRole('link', { name: /Going further/ })).not.toBeInTheDocument();
  });

  it('renders a quiz choice’s Markdown and math', () => {
    const withMath = ALPHA.replace(
      quizBlock('aq1', 'a question 1?'),
      quizBlock('aq1', 'Which is $\\sqrt{2/n}$?'),
    );
    renderLesson({ ...FIXTURE_FILES, 'lessons/01-alpha.md': withMath }, 'alpha');
    // Found by text: jsdom cannot compute accessible names across KaTeX's MathML.
    const heading = screen.getByText(/Which is/, { selector: '.nl-quiz__question' });
    expect(heading.tagName).toBe('H3');
    expect(heading.querySelector('.katex')).not.toBeNull();
  });
});
