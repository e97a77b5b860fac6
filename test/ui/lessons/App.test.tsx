// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeProgress } from '../../../src/lessons/progress/restore';
import { EMPTY_PROGRESS } from '../../../src/lessons/progress/schema';
import { PROGRESS_STORAGE_KEY } from '../../../src/store/progressStorage';
import { App, preloadPages } from '../../../src/ui/App';
import { buildTrack } from '../../../src/lessons/track';
import { FIXTURE_FILES, fixtureTrack, GAMMA } from '../../lessons/progress/fixtureTrack';
import { setupLessonTests } from './lessonTestEnvironment';

setupLessonTests();

const track = fixtureTrack();
const AT = '2025-03-01T10:00:00.000Z';

function go(hash: string): void {
  act(() => {
    window.history.pushState(null, '', `/${hash}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** Lets a lazy page's Suspense boundary retry: its code is preloaded, so after this it is rendered,
 * however long a busy machine takes (a findBy* wait of one second is not enough there). */
async function settle(): Promise<void> {
  await act(async () => {});
}

/** Renders the app and lets the page of the current address arrive. */
async function renderApp(): Promise<ReturnType<typeof render>> {
  const view = render(<App track={track} />);
  await settle();
  return view;
}

function save(progress: object): void {
  localStorage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(progress));
}

// Transforming the pages' modules takes vitest a few seconds the first time; a browser has them
// after one download. The app's own downloads are awaited here, so no test races them: a page then
// renders within the act() that opens it.
beforeAll(() => preloadPages(), 120_000);

describe('App', () => {
  it('starts on the lesson list with each lesson’s state and why locked ones are locked', () => {
    render(<App track={track} />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Normalization and initialization, hands on' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alpha lesson' })).toHaveAttribute(
      'href',
      '#/lessons/alpha',
    );
    expect(screen.queryByRole('link', { name: 'Beta lesson' })).not.toBeInTheDocument();
    expect(
      screen.getByText('Locked. This lesson opens when you complete “Alpha lesson”.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Locked. It opens when you complete every lesson: 0 of 3 done so far.'),
    ).toBeInTheDocument();
    expect(document.title).toBe('normlab');
  });

  it('lists advanced-track lessons after the course and before the milestone, marked as such', () => {
    const withAdvanced = buildTrack({
      ...FIXTURE_FILES,
      'lessons/03-gamma.md': GAMMA.replace('unlocks: [milestone]', 'unlocks: []\ntrack: advanced'),
    });
    save({ ...EMPTY_PROGRESS, completedLessons: { alpha: AT, beta: AT } });
    render(<App track={withAdvanced} />);
    const list = document.querySelector<HTMLElement>('.nl-lesson-list')!;
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('h3')?.textContent)).toEqual([
      'Alpha lesson',
      'Beta lesson',
      'Gamma lesson',
      'Next: learning-rate schedulers',
    ]);
    expect(items[2]).toHaveTextContent(/^Advanced track/);
    expect(items[1]).not.toHaveTextContent(/Advanced track/);
    // The course is done: the milestone is open although the advanced lesson is not completed.
    expect(
      within(items[3]!).getByRole('link', { name: 'Next: learning-rate schedulers' }),
    ).toBeInTheDocument();
    expect(within(items[2]!).getByRole('link', { name: 'Gamma lesson' })).toBeInTheDocument();
  });

  it('moves focus to the new page’s heading on every route change', async () => {
    render(<App track={track} />);
    // React.lazy suspends once even for code already downloaded; the page's heading arrives when its
    // Suspense boundary retries, and focus follows it there.
    await act(async () => {
      window.history.pushState(null, '', '/#/lessons/alpha');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await preloadPages();
    });
    const title = screen.getByRole('heading', { level: 1, name: 'Alpha lesson' });
    expect(title).toHaveFocus();
    expect(document.title).toBe('Alpha lesson · normlab');
    go('#/lessons/nope');
    expect(
      screen.getByRole('heading', { level: 1, name: 'No lesson called ‘nope’' }),
    ).toHaveFocus();
    go('#/');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('opens the next lesson once the saved progress completes the one before', async () => {
    save({ ...EMPTY_PROGRESS, completedLessons: { alpha: AT } });
    window.history.replaceState(null, '', '/#/lessons/beta');
    await renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Beta lesson' })).toBeInTheDocument();
    expect(screen.queryByText('This lesson is locked')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: /b question 1/ })).toBeInTheDocument();
  });

  it('opens any lesson for an instructor', async () => {
    window.history.replaceState(null, '', '/#/lessons/gamma?instructor=1');
    await renderApp();
    expect(screen.getByText('Instructor view')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Gamma lesson' })).toBeInTheDocument();
  });

  it('locks the milestone page until every lesson is complete, then shows the teaser', async () => {
    window.history.replaceState(null, '', '/#/next');
    const { unmount } = await renderApp();
    expect(screen.getByRole('heading', { name: 'This page is locked' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Beta lesson' })).toBeInTheDocument();
    unmount();

    save({ ...EMPTY_PROGRESS, completedLessons: { alpha: AT, beta: AT, gamma: AT } });
    await renderApp();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Next: learning-rate schedulers' }),
    ).toBeInTheDocument();
    for (const name of [
      'What a schedule is',
      'Why it matters now',
      'Warm-up',
      'Step decay',
      'Cosine decay',
      'Coming next',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeInTheDocument();
    }
    expect(
      screen.getByRole('figure', { name: 'Three learning-rate schedules' }),
    ).toBeInTheDocument();
  });

  it('shows a clear page for an address that is not a page', () => {
    window.history.replaceState(null, '', '/#/lessons/alpha/extra');
    render(<App track={track} />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'There is no page at “/lessons/alpha/extra”' }),
    ).toBeInTheDocument();
  });

  it('opens a lesson as a lecture deck from its page, full screen without the site navigation', async () => {
    window.history.replaceState(null, '', '/#/lessons/alpha');
    await renderApp();
    await userEvent.click(screen.getByRole('link', { name: 'Present this lesson' }));
    // jsdom fires the link's hashchange as a task of its own, after the click's act() has ended.
    expect(await screen.findByText('Scene 1 of 6')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Alpha lesson' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Deck' })).toBeInTheDocument();
    expect(document.title).toBe('Alpha lesson (lecture deck) · normlab');
    await userEvent.click(screen.getByRole('link', { name: 'Leave the deck' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('mounts the Lab on #/lab', async () => {
    window.history.replaceState(null, '', '/#/lab');
    await renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Lab' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lab' })).toHaveAttribute('aria-current', 'page');
  });

  it('tells the learner what was reset in damaged saved progress, and lets them dismiss it', async () => {
    localStorage.setItem(
      PROGRESS_STORAGE_KEY,
      serializeProgress({ ...EMPTY_PROGRESS, completedLessons: { alpha: AT } }).replace(
        '"quizzes": {}',
        '"quizzes": "broken"',
      ),
    );
    render(<App track={track} />);
    const notice = screen.getByRole('heading', {
      name: 'About your saved progress',
    }).parentElement!;
    expect(notice).toHaveTextContent('Quiz answers could not be read and were reset.');
    // What was still valid is kept: alpha is complete, so beta is open.
    expect(screen.getByRole('link', { name: 'Beta lesson' })).toBeInTheDocument();
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/About your saved progress/)).not.toBeInTheDocument();
  });

  it('survives garbage in storage without a white screen', () => {
    localStorage.setItem(PROGRESS_STORAGE_KEY, '}{ not json');
    render(<App track={track} />);
    expect(
      screen.getByText(
        'Your saved progress is not readable (it is not valid JSON). It was not changed: it is kept aside, and you can export it under “Your progress”. Your progress from now on is saved anew.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alpha lesson' })).toBeInTheDocument();
  });
});
