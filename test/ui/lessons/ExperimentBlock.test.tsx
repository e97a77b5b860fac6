// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toWorkerSetup } from '../../../src/lab/settings';
import { setMessageBatchWindow } from '../../../src/runs/messageBatching';
import { labHash } from '../../../src/lab/urlState';
import { runSettings } from '../../../src/lessons/runSettings';
import type { Experiment } from '../../../src/lessons/schema';
import { useAppStore } from '../../../src/store/appStore';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { fixtureTrack } from '../../lessons/progress/fixtureTrack';
import { snapshotOf } from '../../store/fakeRunWorker';
import {
  createdWorkers,
  emit,
  loadProgressFor,
  setupLessonTests,
  SPIRAL_READY,
  validationAt,
  workerAt,
} from './lessonTestEnvironment';

setupLessonTests();

const track = fixtureTrack();
const alpha = track.lessons[0]!;
const experiment: Experiment = (() => {
  const s = alpha.segments.find((x) => x.kind === 'experiment');
  if (s?.kind !== 'experiment') throw new Error('alpha has no experiment');
  return s.data;
})();
function renderAlpha() {
  loadProgressFor(track);
  const user = userEvent.setup();
  const { unmount } = render(<LessonPage track={track} id="alpha" instructor={false} />);
  const section = screen.getByRole('region', { name: /Experiment Loss falls/ });
  return { user, section, unmount };
}

/** Run `index` trains all 100 steps with loss 1/step, then is validated at step 100. */
function trainToTheEnd(index: number): void {
  emit(index, SPIRAL_READY);
  emit(index, snapshotOf(1, 60));
  emit(index, snapshotOf(61, 100));
  emit(index, validationAt(100, 0.9));
}

const onCores = (cores: number) =>
  vi.spyOn(navigator, 'hardwareConcurrency', 'get').mockReturnValue(cores);

describe('ExperimentBlock', () => {
  afterEach(() => vi.restoreAllMocks());

  it('leaves the page a quarter of a core while its runs train together, and gives it back as they finish', async () => {
    onCores(2);
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    // two runs on two cores: (2 − 0.25) / 2 each, told before the first step
    for (const i of [0, 1]) {
      expect(workerAt(i).types()).toEqual([
        'setCpuShare',
        'configure',
        'setViews',
        'setProbeSpacing',
        'step',
      ]);
      expect(workerAt(i).sent[0]).toEqual({
        type: 'setCpuShare',
        share: 0.875,
        ownSlowdown: 1.125,
      });
    }
    trainToTheEnd(0);
    expect(workerAt(1).sent.at(-1)).toEqual({ type: 'setCpuShare', share: 1, ownSlowdown: 1 });
  });

  it('lists the runs, offers the allowed controls with labels and hints, and starts no worker yet', () => {
    const { section } = renderAlpha();
    expect(within(section).getByRole('list', { name: 'Runs' })).toHaveTextContent(/Net/);
    const lr = within(section).getByRole('spinbutton', { name: 'Net: Learning rate' });
    expect(lr).toHaveValue(runSettings(experiment, 0).learningRate);
    expect(lr).toHaveAccessibleDescription(/size of each update step/);
    expect(within(section).getByRole('combobox', { name: 'Other: Normalization' })).toHaveValue(
      'none',
    );
    expect(createdWorkers).toHaveLength(0);
  });

  /** Presses Run, lets run Net reach step 30 of 100, and checks that the page says how far it is. */
  async function runTo30(user: UserEvent, section: HTMLElement): Promise<void> {
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    emit(0, SPIRAL_READY);
    emit(0, snapshotOf(1, 30));
    expect(within(section).getByRole('progressbar', { name: 'Net progress' })).toHaveAttribute(
      'value',
      '30',
    );
    expect(within(section).getByRole('list', { name: 'Run progress' })).toHaveTextContent(
      'Net: training, step 30 of 100',
    );
  }

  it('says what to watch for and how far each run has come while it trains, until the effect shows', async () => {
    const { user, section } = renderAlpha();
    const watch = () => within(section).queryByRole('list', { name: 'What to watch for' });
    // Before Run too: the learner knows what the runs are for.
    expect(watch()).toHaveTextContent(
      'Net’s training loss (mean of 20 steps) falls to at most 60% of where it started, without diverging.',
    );
    await runTo30(user, section);
    expect(watch()).toBeInTheDocument();
    emit(0, snapshotOf(31, 100));
    emit(0, validationAt(100, 0.9));
    expect(within(section).getByText(/^Effect shown/)).toBeInTheDocument();
    expect(watch()).not.toBeInTheDocument();
  });

  it('says what each chart shows, and how far each run has come, for an experiment without a claim', async () => {
    // The same lesson with the experiment's claim taken out (as lesson 3's bn-batch-of-one, a
    // practice's starting point and seven more have none).
    const lessons = track.lessons.map((lesson, i) =>
      i !== 0
        ? lesson
        : {
            ...lesson,
            segments: lesson.segments.map((segment) => {
              if (segment.kind !== 'experiment') return segment;
              const { claim, ...unclaimed } = segment.data;
              expect(claim).toBeDefined();
              return { ...segment, data: unclaimed };
            }),
          },
    );
    loadProgressFor(track);
    const user = userEvent.setup();
    render(<LessonPage track={{ ...track, lessons }} id="alpha" instructor={false} />);
    const section = screen.getByRole('region', { name: /Experiment Loss falls/ });
    const watch = () => within(section).getByRole('list', { name: 'What to watch for' });
    expect(watch()).toHaveTextContent(
      'Loss: how each run’s training loss falls, and its validation loss (dashed).' +
        'Activations: the distribution of each layer’s outputs at the latest step.',
    );
    await runTo30(user, section);
    expect(watch()).toBeInTheDocument();
  });

  it('links to the Lab with the full settings of every run', () => {
    const { section } = renderAlpha();
    const link = within(section).getByRole('link', { name: 'Open in Lab' });
    expect(link).toHaveAttribute(
      'href',
      labHash([runSettings(experiment, 0), runSettings(experiment, 1)]),
    );
    expect(link).toHaveAccessibleDescription(/A: Net, B: Other/);
  });

  it('trains every run in its own worker for the experiment’s steps', async () => {
    onCores(8);
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    expect(createdWorkers).toHaveLength(2);
    expect(experiment.charts).toEqual(['loss', 'activations']);
    expect(workerAt(0).sent).toEqual([
      {
        type: 'configure',
        setup: toWorkerSetup(runSettings(experiment, 0), 0, experiment.validationEvery),
      },
      // no chart draws the digits or the boundary: the worker is told not to compute them
      { type: 'setViews', views: false },
      // the activation histograms want about 30 probes over the 100 steps: one every ⌊100 / 30⌋
      { type: 'setProbeSpacing', steps: 3 },
      { type: 'step', count: 100 },
    ]);
    expect(workerAt(1).sent[0]).toEqual({
      type: 'configure',
      setup: toWorkerSetup(runSettings(experiment, 1), 0, experiment.validationEvery),
    });
    expect(within(section).getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('shows the effect live, records it, and earns the checkpoint from the learner’s own run', async () => {
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    const claim = () => within(section).getByText(/effect/i, { selector: '.nl-claim p' });

    emit(0, SPIRAL_READY);
    emit(0, snapshotOf(1, 60));
    // lossFalls is a final-state claim: it holds already, but only counts when the run has finished.
    expect(claim()).toHaveTextContent(/The effect is showing; finishing the runs to be sure/);
    expect(useAppStore.getState().progress.experiments).toEqual({});

    emit(0, snapshotOf(61, 100));
    emit(0, validationAt(100, 0.9));
    // Smoothed over 20 steps of loss 1/step: mean(1/1..1/20) = 0.180, mean(1/81..1/100) = 0.011.
    expect(claim()).toHaveTextContent(
      'Effect shown: Net: training loss (mean of 20 steps) 0.180 at step 20 → 0.011 at step 100.',
    );
    expect(useAppStore.getState().progress.experiments['alpha/falls']?.detail).toBe(
      'Net: training loss (mean of 20 steps) 0.180 at step 20 → 0.011 at step 100',
    );

    // The progress line shows the same moving average as the claim box, and says so.
    const progress = within(section).getByRole('list', { name: 'Run progress' });
    expect(within(progress).getAllByRole('listitem')[0]).toHaveTextContent(
      'Net: finished 100 steps · training loss 0.011 (mean of steps 81–100)',
    );

    // The loss chart was on screen with the run in it, which the checkpoint also asks for.
    const checkpoint = screen.getByRole('region', { name: /Checkpoint Saw the loss fall/ });
    expect(within(checkpoint).getByRole('status')).toHaveTextContent(
      /^Earned on .*\. “Loss falls”: Net: training loss \(mean of 20 steps\) 0\.180 at step 20 → 0\.011 at step 100$/,
    );
    expect(useAppStore.getState().progress.checkpoints['alpha/saw-it']).toMatchObject({
      detail:
        '“Loss falls”: Net: training loss (mean of 20 steps) 0.180 at step 20 → 0.011 at step 100',
    });
  });

  it('says so when the effect did not show once the runs finished', async () => {
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    emit(0, SPIRAL_READY);
    emit(0, snapshotOf(1, 100, { losses: new Float32Array(100).fill(2) }));
    emit(0, validationAt(100, 0.5));
    expect(within(section).getByText(/did not show/)).toHaveTextContent(
      'The effect did not show this time: Net: training loss (mean of 20 steps) 2.000 at step 20 → 2.000 at step 100. Check the settings and run again.',
    );
    const checkpoint = screen.getByRole('region', { name: /Checkpoint Saw the loss fall/ });
    expect(within(checkpoint).getByRole('status')).toHaveTextContent(
      'Not earned yet. Run the experiment “Loss falls” until its effect shows in your own runs.',
    );
  });

  it('applies its workers’ messages in batches, the first at once', async () => {
    setMessageBatchWindow(40);
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    // The window is timed on a fake clock, so however slowly this test runs, it has not closed yet.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    emit(0, SPIRAL_READY);
    emit(0, snapshotOf(1, 10));
    emit(0, snapshotOf(11, 20));
    emit(1, SPIRAL_READY);
    emit(1, snapshotOf(1, 30));
    act(() => vi.advanceTimersByTime(39));
    // only the first message came before the window closed: nothing has trained yet on screen
    expect(within(section).queryByText(/step (10|20|30) of 100/)).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(within(section).getByText(/Net: training, step 20 of 100/)).toBeInTheDocument();
    expect(within(section).getByText(/step 30 of 100/)).toBeInTheDocument();
  });

  it('shows a run’s last step without waiting for the window, and hands its core on at once', async () => {
    onCores(2);
    setMessageBatchWindow(40);
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    emit(0, SPIRAL_READY);
    emit(1, SPIRAL_READY);
    emit(0, snapshotOf(1, 10));
    act(() => vi.advanceTimersByTime(40));
    expect(within(section).getByText(/Net: training, step 10 of 100/)).toBeInTheDocument();
    // run 0's last step, then run 1's next snapshot: the last step leads, 25 ms after the update
    // before (LEAD_GAP_MS), and takes what waits with it, well before the 40 ms window
    emit(0, snapshotOf(11, 100));
    emit(1, snapshotOf(1, 30));
    act(() => vi.advanceTimersByTime(25));
    expect(within(section).getByText(/Net: finished 100 steps/)).toBeInTheDocument();
    expect(within(section).getByText(/step 30 of 100/)).toBeInTheDocument();
    // the run still training is told it has the whole core now
    expect(workerAt(1).sent.at(-1)).toEqual({ type: 'setCpuShare', share: 1, ownSlowdown: 1 });
  });

  it('pauses, resumes to the target step, and resets', async () => {
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    emit(0, SPIRAL_READY);
    emit(0, snapshotOf(1, 40));
    await user.click(within(section).getByRole('button', { name: 'Pause' }));
    expect(workerAt(0).types().at(-1)).toBe('pause');
    emit(0, { type: 'status', running: false });
    expect(within(section).getByText(/Net: paused at step 40 of 100/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Resume' }));
    // to step 100, however far the worker got after the last snapshot the page has seen
    expect(workerAt(0).sent.at(-1)).toEqual({ type: 'step', count: 60, upTo: 100 });

    await user.click(within(section).getByRole('button', { name: 'Reset' }));
    expect(within(section).getByRole('button', { name: 'Run experiment' })).toBeInTheDocument();
    // A snapshot still in flight from before the reset is not shown as the new run's progress.
    emit(0, snapshotOf(41, 45));
    expect(within(section).queryByText(/step 45/)).not.toBeInTheDocument();
  });

  it('a changed setting clears that run, and the next run reconfigures its worker', async () => {
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    trainToTheEnd(0);
    trainToTheEnd(1);
    await user.selectOptions(
      within(section).getByRole('combobox', { name: 'Net: Normalization' }),
      'batchNorm',
    );
    await user.click(within(section).getByRole('button', { name: 'Run again' }));
    const configure = workerAt(0)
      .sent.filter((m) => m.type === 'configure')
      .at(-1);
    expect(configure).toEqual({
      type: 'configure',
      setup: toWorkerSetup(
        { ...runSettings(experiment, 0), norm: 'batchNorm' },
        0,
        experiment.validationEvery,
      ),
    });
    // Run "Other" kept its settings, so its worker only resets.
    expect(workerAt(1).types().slice(-4)).toEqual(['reset', 'setViews', 'setProbeSpacing', 'step']);
  });

  it('shows why a run stopped', async () => {
    const { user, section } = renderAlpha();
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    emit(1, SPIRAL_READY);
    emit(1, snapshotOf(1, 5));
    emit(1, { type: 'diverged', step: 6, reason: 'The loss became infinite at step 6.' });
    expect(within(section).getByText(/^Other: diverged at step 6/)).toBeInTheDocument();
    expect(within(section).getByText('The loss became infinite at step 6.')).toBeInTheDocument();
  });

  describe('presenter mode', () => {
    const presented = () => screen.queryByRole('region', { name: 'Loss falls, presenter mode' });

    it('P presents the experiment holding focus and P again gives the lesson back, as the button does', async () => {
      const { user, section } = renderAlpha();
      within(section).getByRole('button', { name: 'Run experiment' }).focus();
      await user.keyboard('p');
      const view = presented();
      expect(view).toBeInTheDocument();
      expect(
        within(view!).getByRole('toolbar', { name: 'Presenter controls' }),
      ).toBeInTheDocument();
      // The lesson's own layout of the experiment (its settings, its Present button) gave way.
      expect(within(section).queryByRole('button', { name: /^Present/ })).not.toBeInTheDocument();
      expect(within(view!).getByRole('list', { name: 'Runs' })).toHaveTextContent('Net');

      await user.keyboard('P');
      expect(presented()).not.toBeInTheDocument();
      const present = within(section).getByRole('button', { name: 'Present: Loss falls' });
      expect(present).toHaveFocus();

      await user.click(present);
      expect(presented()).toBeInTheDocument();
      await user.keyboard('p');
      expect(presented()).not.toBeInTheDocument();
    });

    it('P picks the experiment taking most of the window when none has focus', async () => {
      const { user, section } = renderAlpha();
      const panel = within(section).getByRole('list', { name: 'Runs' }).parentElement!;
      vi.spyOn(panel, 'getBoundingClientRect').mockReturnValue(
        DOMRect.fromRect({ x: 0, y: 100, width: 800, height: 400 }),
      );
      await user.keyboard('p');
      expect(presented()).toBeInTheDocument();
      await user.keyboard('{Escape}');
      expect(presented()).not.toBeInTheDocument();
    });

    it('P does nothing while no experiment is in view, and nothing while typing', async () => {
      const { user, section } = renderAlpha();
      await user.keyboard('p');
      expect(presented()).not.toBeInTheDocument();
      const lr = within(section).getByRole('spinbutton', { name: 'Net: Learning rate' });
      await user.click(lr);
      await user.keyboard('p');
      expect(presented()).not.toBeInTheDocument();
    });

    it('runs and pauses from the bar, with its settings folded into it', async () => {
      const { user, section } = renderAlpha();
      await user.click(within(section).getByRole('button', { name: 'Present: Loss falls' }));
      const bar = within(presented()!).getByRole('toolbar', { name: 'Presenter controls' });
      await user.click(within(bar).getByText('Settings'));
      expect(within(bar).getByRole('spinbutton', { name: 'Net: Learning rate' })).toBeVisible();
      await user.click(within(bar).getByRole('button', { name: 'Run experiment' }));
      expect(createdWorkers).toHaveLength(2);
      expect(within(bar).getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    });

    it('Space runs, pauses and resumes, but leaves finished runs as they are until R', async () => {
      const { user, section } = renderAlpha();
      await user.click(within(section).getByRole('button', { name: 'Present: Loss falls' }));
      const bar = within(presented()!).getByRole('toolbar', { name: 'Presenter controls' });
      await user.keyboard(' ');
      expect(within(bar).getByRole('button', { name: 'Pause' })).toBeInTheDocument();
      await user.keyboard(' ');
      expect(within(bar).getByRole('button', { name: 'Resume' })).toBeInTheDocument();
      await user.keyboard(' ');
      trainToTheEnd(0);
      trainToTheEnd(1);
      expect(within(bar).getByRole('button', { name: 'Run again' })).toBeInTheDocument();
      expect(within(bar).getByText(/^Finished: Space leaves the curves/)).toBeVisible();
      const sent = createdWorkers.map((w) => w.sent.length);
      await user.keyboard(' ');
      expect(createdWorkers.map((w) => w.sent.length)).toEqual(sent);
      expect(within(bar).getByRole('button', { name: 'Run again' })).toBeInTheDocument();
      await user.keyboard('r');
      expect(within(bar).getByRole('button', { name: 'Run experiment' })).toBeInTheDocument();
      await user.keyboard(' ');
      expect(within(bar).getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    });
  });

  describe('after leaving the page (Open in Lab, then Back) or a reload', () => {
    it('shows the finished runs again, saying where they come from, without training', async () => {
      const first = renderAlpha();
      await first.user.click(within(first.section).getByRole('button', { name: 'Run experiment' }));
      trainToTheEnd(0);
      trainToTheEnd(1);
      expect(within(first.section).getByRole('button', { name: 'Run again' })).toBeInTheDocument();
      first.unmount();
      createdWorkers.length = 0;

      const { section } = renderAlpha();
      expect(within(section).getByRole('button', { name: 'Run again' })).toBeInTheDocument();
      expect(
        within(section).getByText(/Your finished runs from earlier in this tab/),
      ).toHaveTextContent(/saved at \d\d:\d\d/);
      expect(
        within(section).getByText(/Effect shown/, { selector: '.nl-claim p' }),
      ).toHaveTextContent(
        'Effect shown: Net: training loss (mean of 20 steps) 0.180 at step 20 → 0.011 at step 100.',
      );
      const progress = within(section).getByRole('list', { name: 'Run progress' });
      expect(within(progress).getAllByRole('listitem')[0]).toHaveTextContent(
        'Net: finished 100 steps · training loss 0.011 (mean of steps 81–100)',
      );
      expect(within(section).getByRole('figure', { name: 'Loss' })).toBeInTheDocument();
      expect(createdWorkers).toHaveLength(0);
    });

    it('trains afresh on “Run again”, and forgets runs the learner reset', async () => {
      const first = renderAlpha();
      await first.user.click(within(first.section).getByRole('button', { name: 'Run experiment' }));
      trainToTheEnd(0);
      trainToTheEnd(1);
      first.unmount();
      createdWorkers.length = 0;

      const second = renderAlpha();
      await second.user.click(within(second.section).getByRole('button', { name: 'Run again' }));
      expect(createdWorkers).toHaveLength(2);
      expect(workerAt(0).types()).toContain('configure');
      expect(
        within(second.section).queryByText(/from earlier in this tab/),
      ).not.toBeInTheDocument();
      await second.user.click(within(second.section).getByRole('button', { name: 'Reset' }));
      second.unmount();

      const third = renderAlpha();
      expect(
        within(third.section).getByRole('button', { name: 'Run experiment' }),
      ).toBeInTheDocument();
      expect(within(third.section).queryByText(/from earlier in this tab/)).not.toBeInTheDocument();
    });
  });
});
