// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deckChannelName, setDeckChannelFactory } from '../../../src/ui/deck/deckChannel';
import { DeckPage } from '../../../src/ui/deck/DeckPage';
import { fixtureTrack } from '../../lessons/progress/fixtureTrack';
import { snapshotOf } from '../../store/fakeRunWorker';
import {
  createdWorkers,
  emit,
  loadProgressFor,
  setupLessonTests,
  SPIRAL_READY,
  workerAt,
} from '../lessons/lessonTestEnvironment';
import { FakeDeckChannels } from './fakeDeckChannel';

setupLessonTests();

const track = fixtureTrack();
let channels: FakeDeckChannels;

beforeEach(() => {
  channels = new FakeDeckChannels();
  setDeckChannelFactory(channels.factory);
  loadProgressFor(track);
});
afterEach(() => setDeckChannelFactory(undefined));

/** One window of the presentation, in a container of its own. */
function openWindow(view: 'audience' | 'speaker', scene?: number) {
  const container = document.body.appendChild(document.createElement('div'));
  const result = render(
    <DeckPage track={track} id="alpha" instructor={false} view={view} scene={scene} />,
    { container },
  );
  return { ...within(container), unmount: result.unmount };
}

const sceneTitle = (window: ReturnType<typeof openWindow>) =>
  window.getByRole('heading', { level: 1 }).textContent;

describe('the speaker view drives the audience window over the deck channel', () => {
  it('steps, starts and pauses training, and reveals an answer in the audience window', async () => {
    const user = userEvent.setup();
    const audience = openWindow('audience');
    expect(sceneTitle(audience)).toBe('Alpha lesson');
    const speaker = openWindow('speaker');
    expect(speaker.getByText('The audience window follows this one.')).toBeInTheDocument();
    expect(sceneTitle(speaker)).toBe('Scene 1 of 6: Alpha lesson');
    expect(speaker.getByRole('heading', { name: 'Notes' })).toBeInTheDocument();
    expect(speaker.getByRole('region', { name: 'Next' })).toHaveTextContent(
      '2. Experiment · SignalsLoss falls2 runs (Net, Other), 100 steps',
    );

    await user.click(speaker.getByRole('button', { name: 'Next scene' }));
    expect(sceneTitle(audience)).toBe('Loss falls');
    expect(audience.getByText('Scene 2 of 6')).toBeInTheDocument();
    // The experiment's runs are set up on entry: both listed, none training yet.
    expect(audience.getByRole('list', { name: 'Runs' })).toHaveTextContent('Net');
    // The deck is presenter mode: the scene's controls are its compact bar, with nothing to present.
    const deck = audience.getByRole('region', { name: 'Lecture deck' });
    const bar = within(deck).getByRole('toolbar', { name: 'Presenter controls' });
    expect(within(bar).getByRole('button', { name: 'Run experiment' })).toBeInTheDocument();
    expect(within(deck).queryByRole('button', { name: /^Present/ })).not.toBeInTheDocument();
    expect(createdWorkers).toHaveLength(0);
    expect(speaker.getByText('Not started.')).toBeInTheDocument();
    // The notes are the prose around the block, and the practice to do on it.
    expect(speaker.getByRole('heading', { name: 'Leading in' })).toBeInTheDocument();
    expect(speaker.getByText(/Some prose with math/)).toBeInTheDocument();
    expect(speaker.getByText(/Give/)).toHaveTextContent('Give Net BatchNorm and train it.');

    await user.click(speaker.getByRole('button', { name: 'Start training' }));
    expect(createdWorkers).toHaveLength(2);
    for (const i of [0, 1]) expect(workerAt(i).types()).toContain('step');
    expect(audience.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    emit(0, SPIRAL_READY);
    emit(0, snapshotOf(1, 40));
    expect(speaker.getByText('Training: step 40 of 100.')).toBeInTheDocument();

    await user.click(speaker.getByRole('button', { name: 'Pause training' }));
    for (const i of [0, 1]) expect(workerAt(i).types().at(-1)).toBe('pause');
    expect(audience.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
    expect(speaker.getByText('Paused at step 40 of 100.')).toBeInTheDocument();

    await user.click(speaker.getByRole('button', { name: 'Start training' }));
    expect(audience.getByRole('button', { name: 'Pause' })).toBeInTheDocument();

    // Leaving the scene stops its runs.
    await user.click(speaker.getByRole('button', { name: 'Next scene' }));
    expect(createdWorkers.every((w) => w.terminated)).toBe(true);
    expect(sceneTitle(audience)).toBe('Question 1 of 4');
    expect(audience.queryByText('The answer')).not.toBeInTheDocument();
    expect(speaker.getByRole('heading', { name: /^Answer: [A-C]$/ })).toBeInTheDocument();

    await user.click(speaker.getByRole('button', { name: 'Reveal the answer' }));
    const answer = audience.getByText('The answer').closest('li')!;
    expect(answer).toHaveTextContent('Second choice');
    expect(audience.getByText('Second is right because of aq1.')).toBeInTheDocument();
    expect(speaker.getByRole('button', { name: 'Answer revealed' })).toBeDisabled();

    // The audience window can step too, and the speaker follows.
    await user.click(audience.getByRole('button', { name: 'Next scene' }));
    expect(sceneTitle(speaker)).toBe('Scene 4 of 6: Question 2 of 4');

    audience.unmount();
    expect(speaker.getByText(/The audience window is not open/)).toBeInTheDocument();
  });

  it('stops a scene’s training by itself at the experiment’s step count, and the speaker sees it finished', async () => {
    const user = userEvent.setup();
    const audience = openWindow('audience', 2);
    const speaker = openWindow('speaker');
    expect(sceneTitle(audience)).toBe('Loss falls');
    await user.click(speaker.getByRole('button', { name: 'Start training' }));
    // Each run's worker is told the target itself: exactly the experiment's 100 steps.
    for (const i of [0, 1]) expect(workerAt(i).sent.at(-1)).toEqual({ type: 'step', count: 100 });
    for (const i of [0, 1]) {
      emit(i, SPIRAL_READY);
      emit(i, snapshotOf(1, 100));
    }
    expect(speaker.getByText(/^Finished: step 100 of 100\./)).toBeInTheDocument();
    expect(speaker.getByRole('button', { name: 'Training finished' })).toBeDisabled();
    // Nothing more was asked of the workers: the runs stopped where the worker was told to stop.
    for (const i of [0, 1])
      expect(
        workerAt(i)
          .types()
          .filter((t) => t === 'step'),
      ).toHaveLength(1);
    speaker.unmount();
    audience.unmount();
  });

  it('leaves a finished scene’s curves alone on Space until R clears them (audience window)', async () => {
    const user = userEvent.setup();
    const audience = openWindow('audience', 2);
    const bar = audience.getByRole('toolbar', { name: 'Presenter controls' });
    const finish = () => {
      for (const i of [0, 1]) {
        emit(i, SPIRAL_READY);
        emit(i, snapshotOf(1, 100));
      }
    };
    await user.keyboard(' ');
    finish();
    expect(within(bar).getByRole('button', { name: 'Run again' })).toBeInTheDocument();
    expect(within(bar).getByText(/^Finished: Space leaves the curves as they are/)).toBeVisible();
    const sentBefore = [0, 1].map((i) => workerAt(i).sent.length);
    const curve = () => audience.getByRole('figure', { name: /^Loss/ }).textContent;
    const drawn = curve();

    await user.keyboard(' ');
    expect([0, 1].map((i) => workerAt(i).sent.length)).toEqual(sentBefore);
    expect(within(bar).getByRole('button', { name: 'Run again' })).toBeInTheDocument();
    expect(curve()).toBe(drawn);

    // R clears them, and Space trains again from step 0.
    await user.keyboard('r');
    expect(within(bar).getByRole('button', { name: 'Run experiment' })).toBeInTheDocument();
    expect(curve()).not.toBe(drawn);
    await user.keyboard(' ');
    expect(within(bar).getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    for (const i of [0, 1]) expect(workerAt(i).sent.at(-1)).toEqual({ type: 'step', count: 100 });
    audience.unmount();
  });

  it('leaves a finished scene alone on the speaker’s Space; its Reset training clears it', async () => {
    const user = userEvent.setup();
    const audience = openWindow('audience', 2);
    const speaker = openWindow('speaker');
    const bar = audience.getByRole('toolbar', { name: 'Presenter controls' });
    expect(speaker.getByRole('button', { name: 'Reset training' })).toBeDisabled();
    await user.click(speaker.getByRole('button', { name: 'Start training' }));
    for (const i of [0, 1]) {
      emit(i, SPIRAL_READY);
      emit(i, snapshotOf(1, 100));
    }
    expect(speaker.getByText(/^Finished: step 100 of 100\. Space leaves the curves/)).toBeVisible();
    expect(speaker.getByRole('button', { name: 'Training finished' })).toBeDisabled();
    const sentBefore = [0, 1].map((i) => workerAt(i).sent.length);

    // Space here (the speaker's window has the keyboard): nothing is asked of the audience's runs.
    await user.keyboard(' ');
    expect([0, 1].map((i) => workerAt(i).sent.length)).toEqual(sentBefore);
    expect(within(bar).getByRole('button', { name: 'Run again' })).toBeInTheDocument();

    await user.click(speaker.getByRole('button', { name: 'Reset training' }));
    expect(within(bar).getByRole('button', { name: 'Run experiment' })).toBeInTheDocument();
    expect(speaker.getByText('Not started.')).toBeInTheDocument();
    expect(speaker.getByRole('button', { name: 'Reset training' })).toBeDisabled();
    await user.keyboard('r');
    expect(within(bar).getByRole('button', { name: 'Run experiment' })).toBeInTheDocument();
    await user.keyboard(' ');
    expect(within(bar).getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    speaker.unmount();
    audience.unmount();
  });

  it('joins a presentation where it is, and ignores messages that are not the deck’s', () => {
    const audience = openWindow('audience', 3);
    expect(sceneTitle(audience)).toBe('Question 1 of 4');
    const name = deckChannelName('alpha');
    act(() => {
      channels.inject(name, { type: 'position', from: 'speaker', position: { scene: -2 } });
      channels.inject(name, { type: 'goto', scene: 5 });
      channels.inject(name, 'next');
    });
    expect(sceneTitle(audience)).toBe('Question 1 of 4');
    const speaker = openWindow('speaker', 1);
    expect(sceneTitle(speaker)).toBe('Scene 3 of 6: Question 1 of 4');
    // A training request for another scene than the one on screen is stale: nothing starts.
    act(() => channels.inject(name, { type: 'train', scene: 1, request: 'start' }));
    expect(createdWorkers).toHaveLength(0);
    speaker.unmount();
    audience.unmount();
    expect(channels.openCount(name)).toBe(0);
  });

  it('steps with the clicker’s keys and starts and pauses training with Space in the audience window', async () => {
    const user = userEvent.setup();
    const audience = openWindow('audience');
    await user.keyboard('{PageDown}');
    expect(sceneTitle(audience)).toBe('Loss falls');
    await user.keyboard(' ');
    expect(createdWorkers).toHaveLength(2);
    expect(audience.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.keyboard(' ');
    expect(audience.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
    await user.keyboard('{PageDown}');
    expect(sceneTitle(audience)).toBe('Question 1 of 4');
    await user.keyboard('{PageDown}');
    expect(audience.getByText('The answer')).toBeInTheDocument();
    await user.keyboard('{PageDown}');
    expect(sceneTitle(audience)).toBe('Question 2 of 4');
    await user.keyboard('a');
    expect(audience.getByText('The answer')).toBeInTheDocument();
    await user.keyboard('{PageUp}{PageUp}');
    expect(sceneTitle(audience)).toBe('Loss falls');
    expect(window.location.hash).toBe('#/lessons/alpha/deck?scene=2');
  });
});
