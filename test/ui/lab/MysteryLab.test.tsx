// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetAppStore, useAppStore } from '../../../src/store/appStore';
import { LabPage } from '../../../src/ui/lab/LabPage';
import type { FromWorker } from '../../../src/worker/protocol';
import { deltaTrack } from '../../lessons/progress/practiceFixture';
import { snapshotOf } from '../../store/fakeRunWorker';
import { setupLabTests } from './labTestEnvironment';

const { workers } = setupLabTests();
const track = deltaTrack();
const HASH = '#/lab?mystery=delta%2Fmystery';

const READY: FromWorker = {
  type: 'ready',
  dataset: { id: 'spiral', trainCount: 10, testCount: 10, sampleShape: [2], numClasses: 2 },
  parameterCount: 10,
  layers: [],
};

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

function openMystery() {
  window.history.replaceState(null, '', `/${HASH}`);
  act(() => useAppStore.getState().loadProgress(track));
  const user = userEvent.setup();
  render(<LabPage track={track} />);
  return user;
}

/** Plays the newest worker of run A through the budget, validated at 50 and 100. */
function trainTo100(accuracy: number): void {
  const worker = workers().at(-1)!;
  act(() => worker.emit(READY));
  act(() =>
    worker.emit(
      snapshotOf(1, 50, { validation: { step: 50, loss: 1, accuracy: 0.5, mode: 'eval' } }),
    ),
  );
  act(() =>
    worker.emit(
      snapshotOf(51, 100, { validation: { step: 100, loss: 0.5, accuracy, mode: 'eval' } }),
    ),
  );
}

describe('a mystery network opened in the Lab', () => {
  it('masks its hidden settings everywhere: form, address, export, and validates at the lesson’s cadence', () => {
    openMystery();
    const panel = screen.getByRole('region', { name: /Mystery network Find the fault/ });
    expect(panel).toHaveTextContent('Find it.');
    expect(screen.getByText('Normalization:')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reveal validation mode' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reveal normalization' })).toBeVisible();
    expect(screen.queryByRole('combobox', { name: /Validation mode/ })).toBeNull();
    // The placement exists only under a normalization: showing it would give the norm away.
    expect(screen.queryByRole('combobox', { name: /Norm placement/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Export/ })).toBeNull();
    // The history's JSON carries the run's settings; its CSV only the steps and losses.
    expect(screen.queryByRole('button', { name: 'Download history (JSON)' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download history (CSV)' })).toBeVisible();
    // "Share with the room" and the classroom link carry every run's settings; "Copy link" copies
    // the mystery's own address, which names only the mystery.
    expect(screen.queryByRole('button', { name: 'Share with the room' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Classroom link/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeVisible();
    expect(screen.getByRole('tabpanel')).not.toHaveTextContent(/BatchNorm|Train mode/);
    expect(window.location.hash).toBe(HASH);
    const run = useAppStore.getState().runs[0]!;
    expect(run.settings).toMatchObject({ norm: 'batchNorm', validationMode: 'train' });
    const configures = workers()
      .flatMap((w) => w.sent)
      .filter((m) => m.type === 'configure');
    // The fixture's experiment validates every 50 steps (the default), the Lab's own runs on its schedule.
    expect(configures.at(-1)).toMatchObject({
      type: 'configure',
      setup: { validationEvery: 50, validationMode: 'train' },
    });
  });

  it('keeps what the learner revealed across a reload', async () => {
    const user = openMystery();
    await user.click(screen.getByRole('button', { name: 'Reveal validation mode' }));
    expect(screen.getByRole('combobox', { name: 'Run A: Validation mode' })).toHaveValue('train');
    expect(useAppStore.getState().progress.revealedSettings).toEqual({
      'delta/mystery': ['validationMode'],
    });
    expect(window.location.hash).toBe(HASH);

    cleanup();
    resetAppStore();
    openMystery();
    expect(screen.getByRole('combobox', { name: 'Run A: Validation mode' })).toHaveValue('train');
    expect(screen.getByRole('button', { name: 'Reveal normalization' })).toBeVisible();
  });

  it('is passed by naming the fault, fixing it and a run that shows the effect at the budget, which earns the checkpoint', async () => {
    const user = openMystery();
    trainTo100(0.9);
    expect(useAppStore.getState().progress.practice['delta/mystery']).toBeUndefined();

    await user.click(screen.getByRole('radio', { name: 'Validation in train mode' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(
      screen.getByRole('region', { name: /Mystery network Find the fault/ }),
    ).toHaveTextContent(/Run “Mystery” uses validation mode Eval mode .*\(now Train mode/);
    await user.click(screen.getByRole('button', { name: 'Reveal validation mode' }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Run A: Validation mode' }),
      'eval',
    );
    trainTo100(0.9);
    const progress = useAppStore.getState().progress;
    expect(progress.practice['delta/mystery']?.detail).toMatch(/run A at step 100/);
    expect(progress.checkpoints['delta/by-mystery']).toBeDefined();
    const panel = screen.getByRole('region', { name: /Mystery network Find the fault/ });
    expect(within(panel).getByText(/^Passed on /)).toBeVisible();
  });
});
