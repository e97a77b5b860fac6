// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { serializeProgress } from '../../../src/lessons/progress/restore';
import { EMPTY_PROGRESS } from '../../../src/lessons/progress/schema';
import { useAppStore } from '../../../src/store/appStore';
import { exportFileName, ProgressTools } from '../../../src/ui/lessons/ProgressTools';
import { fixtureTrack } from '../../lessons/progress/fixtureTrack';
import { loadProgressFor, setupLessonTests } from './lessonTestEnvironment';

setupLessonTests();

const track = fixtureTrack();
const AT = '2025-03-01T10:00:00.000Z';

function renderTools() {
  loadProgressFor(track);
  act(() => useAppStore.getState().answerQuiz('alpha/aq1', 1, true));
  const user = userEvent.setup();
  render(<ProgressTools />);
  return user;
}

const progress = () => useAppStore.getState().progress;

describe('ProgressTools', () => {
  it('exports the progress as a dated JSON download', async () => {
    const user = renderTools();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:progress';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    await user.click(screen.getByRole('button', { name: 'Export progress' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe(exportFileName(new Date()));
    expect(clicked[0]!.download).toMatch(/^normlab-progress-\d{4}-\d{2}-\d{2}\.json$/);
    expect(blobs[0]!.type).toBe('application/json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual(progress());
    expect(screen.getByRole('status')).toHaveTextContent(/Saved normlab-progress-.*\.json/);
  });

  it('imports a file by merging, after showing what it holds, and offers an undo', async () => {
    const user = renderTools();
    const before = progress();
    const input = screen.getByLabelText('Import progress from a file');
    expect(input).toHaveAccessibleDescription(/merged into the progress saved here/);
    const saved = { ...EMPTY_PROGRESS, completedLessons: { alpha: AT } };
    await user.upload(
      input,
      new File([serializeProgress(saved)], 'progress.json', { type: 'application/json' }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Import progress.json?' });
    expect(dialog).toHaveAccessibleDescription(
      /The file holds 1 completed lesson\. This browser holds 1 answered question\. Merge keeps everything from both\./,
    );
    expect(progress()).toBe(before);
    await user.click(within(dialog).getByRole('button', { name: 'Merge into my progress' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Merged the file into your progress: you now have 1 answered question and 1 completed lesson.',
    );
    expect(progress().quizzes).toEqual(before.quizzes);
    expect(progress().completedLessons).toEqual({ alpha: AT });
    await user.click(screen.getByRole('button', { name: 'Undo import' }));
    expect(progress()).toEqual(before);
    expect(screen.queryByRole('button', { name: 'Undo import' })).not.toBeInTheDocument();
  });

  it('replaces only when the learner chooses Replace in the dialog; Cancel changes nothing', async () => {
    const user = renderTools();
    const before = progress();
    const text = serializeProgress({ ...EMPTY_PROGRESS, completedLessons: { alpha: AT } });
    const input = screen.getByLabelText('Import progress from a file');
    await user.upload(input, new File([text], 'p.json', { type: 'application/json' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(progress()).toBe(before);
    expect(screen.getByRole('status')).toHaveTextContent('Import cancelled.');
    await user.upload(input, new File([text], 'p.json', { type: 'application/json' }));
    await user.click(await screen.findByRole('button', { name: 'Replace my progress' }));
    expect(progress().quizzes).toEqual({});
    expect(progress().completedLessons).toEqual({ alpha: AT });
  });

  it('refuses a file over 1 MB without reading it', async () => {
    const user = renderTools();
    const before = progress();
    const big = new File(['x'.repeat(1_200_000)], 'huge.json', { type: 'application/json' });
    const text = vi.spyOn(big, 'text');
    await user.upload(screen.getByLabelText('Import progress from a file'), big);
    expect(
      await screen.findByText(
        'huge.json is 1.2 MB, more than a progress file can be (at most 1 MB; a whole course is about 40 KB). Your progress was not changed.',
      ),
    ).toBeInTheDocument();
    expect(text).not.toHaveBeenCalled();
    expect(progress()).toBe(before);
  });

  it('lists a saved record it could not read, for export', async () => {
    const newer = '{"version": 5}';
    localStorage.setItem('normlab.progress', newer);
    loadProgressFor(track);
    const user = userEvent.setup();
    render(<ProgressTools />);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:kept';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const day = new Date().toISOString().slice(0, 10);
    await user.click(screen.getByRole('button', { name: `Export the record kept on ${day}` }));
    expect(await blobs[0]!.text()).toBe(newer);
  });

  it('refuses a file that is not progress with a clear message and keeps the current progress', async () => {
    const user = renderTools();
    const before = progress();
    await user.upload(
      screen.getByLabelText('Import progress from a file'),
      new File(['<html>not it</html>'], 'page.json', { type: 'application/json' }),
    );
    const message = await screen.findByText(
      'That file is not readable (it is not valid JSON). Your progress was not changed.',
    );
    expect(message).toHaveClass('nl-tools-message--error');
    expect(progress()).toBe(before);
  });

  it('resets only after confirming in a dialog; Cancel and Escape keep everything', async () => {
    const user = renderTools();
    const resetButton = screen.getByRole('button', { name: 'Reset progress…' });
    await user.click(resetButton);
    const dialog = screen.getByRole('alertdialog', { name: 'Reset all progress?' });
    expect(dialog).toHaveAccessibleDescription(/cannot be undone/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(resetButton).toHaveFocus();
    expect(progress().quizzes['alpha/aq1']).toBeDefined();

    await user.click(resetButton);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(progress().quizzes['alpha/aq1']).toBeDefined();

    await user.click(resetButton);
    await user.tab();
    const confirm = screen.getByRole('button', { name: 'Reset progress' });
    expect(confirm).toHaveFocus();
    await user.click(confirm);
    expect(progress()).toEqual(EMPTY_PROGRESS);
    expect(screen.getByRole('status')).toHaveTextContent('Progress reset.');
  });
});
