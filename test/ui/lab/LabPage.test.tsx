// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { depthProbe } from '../../../src/engine/probes/depthProbe';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { toWorkerSetup } from '../../../src/lab/settings';
import { labHash } from '../../../src/lab/urlState';
import { useAppStore } from '../../../src/store/appStore';
import { LEARNING_RATE_STOPS } from '../../../src/ui/lab/fields/LearningRateField';
import type { FromWorker } from '../../../src/worker/protocol';
import { snapshotOf, type FakeRunWorker } from '../../store/fakeRunWorker';
import { expectGradientCurvesExplained } from '../charts/gradientCurvesExplained';
import { setupLabTests } from './labTestEnvironment';
import { LAB_NUMBER_BOXES, LAB_SELECTS } from './labControls';
import { enterNumber, renderLab } from './renderLab';
import { reluProbe } from '../../engine/probes/reluProbe';
import { optionTexts } from '../optionTexts';

const { workers, probeWorkers } = setupLabTests();

function worker(i = 0): FakeRunWorker {
  const w = workers()[i];
  if (!w) throw new Error(`no worker ${i}`);
  return w;
}

function emit(message: FromWorker, i = 0): void {
  act(() => worker(i).emit(message));
}

describe('LabPage controls', () => {
  it('labels every control and describes it with a hint', () => {
    renderLab();
    const dataset = screen.getByRole('combobox', { name: 'Dataset' });
    expect(dataset).toHaveValue('spiral');
    expect(dataset).toHaveAccessibleDescription(/spiral arms/);
    for (const name of LAB_SELECTS) {
      expect(screen.getByRole('combobox', { name })).toHaveAccessibleDescription(/\w/);
    }
    for (const name of LAB_NUMBER_BOXES) {
      expect(screen.getByRole('spinbutton', { name })).toHaveAccessibleDescription(/\w/);
    }
    expect(screen.getByRole('slider', { name: 'Learning rate' })).toHaveAccessibleDescription(
      /log/,
    );
    expect(screen.getByRole('spinbutton', { name: 'Learning rate' })).toHaveValue(0.03);
  });

  it('configures a worker for the run when the page opens', () => {
    renderLab();
    expect(worker().sent).toEqual([
      { type: 'configure', setup: toWorkerSetup(DEFAULT_RUN_SETTINGS, 0) },
    ]);
  });

  it('trains, shows Pause while running, and pauses', async () => {
    const user = renderLab();
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(worker().types().at(-1)).toBe('train');
    emit({ type: 'status', running: true });
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Step' })).toBeDisabled();
    expect(screen.getByText('Run A training.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(worker().types().at(-1)).toBe('pause');
    emit(snapshotOf(1, 240, { epoch: 7 }));
    emit({ type: 'status', running: false });
    expect(screen.getByRole('button', { name: 'Train' })).toBeInTheDocument();
    expect(screen.getByText('Run A paused at step 240.')).toBeInTheDocument();
  });

  it('shows step, epoch and steps per second', () => {
    renderLab();
    emit({ type: 'status', running: true });
    emit(snapshotOf(1, 1234, { epoch: 3, stepsPerSecond: 512.4 }));
    const progress = screen.getByRole('group', { name: 'Progress' });
    expect(within(progress).getByText('1,234')).toBeInTheDocument();
    expect(within(progress).getByText('3')).toBeInTheDocument();
    expect(within(progress).getByText('512')).toBeInTheDocument();
  });

  it('steps and resets', async () => {
    const user = renderLab();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    expect(worker().sent.at(-1)).toEqual({ type: 'step', count: 1 });
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(worker().sent.at(-1)).toEqual({ type: 'reset' });
  });

  it('reconfigures when a setting changes and writes it into the address', async () => {
    const user = renderLab();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Normalization' }), 'batchNorm');
    expect(worker().sent.at(-1)).toEqual({
      type: 'configure',
      setup: toWorkerSetup({ ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm' }, 0),
    });
    expect(window.location.hash).toContain('a.norm=batchNorm');
    expect(screen.getByRole('combobox', { name: 'Norm placement' })).toBeInTheDocument();
  });

  it('applies a typed learning rate on Enter and explains an invalid one', async () => {
    const user = renderLab();
    const box = await enterNumber(user, 'Learning rate', '50');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(
      /“50” is not a number from 0.0001 to 10; the run keeps 0.03/,
    );
    expect(worker().types()).toEqual(['configure']);
    await enterNumber(user, 'Learning rate', '0.03');
    expect(useAppStore.getState().runs[0]?.settings.learningRate).toBe(0.03);
    expect(box).not.toHaveAttribute('aria-invalid');
  });

  it('moves the learning rate along the log-scale slider', () => {
    renderLab();
    const slider = screen.getByRole('slider', { name: 'Learning rate' });
    expect(slider).toHaveAttribute('aria-valuetext', '0.03');
    // jsdom does not move range inputs with the keyboard; the browser sends this change event.
    fireEvent.change(slider, { target: { value: String(LEARNING_RATE_STOPS.indexOf(0.05)) } });
    expect(useAppStore.getState().runs[0]?.settings.learningRate).toBe(0.05);
    expect(slider).toHaveAttribute('aria-valuetext', '0.05');
  });

  it('offers the CNN only for MNIST, with its own depth and residual controls', async () => {
    const user = renderLab();
    const cnn = screen.getByRole('option', { name: 'ResNet-like CNN (MNIST only)' });
    expect(cnn).toBeDisabled();
    expect(screen.getByRole('option', { name: 'InstanceNorm (CNN only)' })).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Dataset' }), 'mnist14');
    expect(screen.queryByRole('spinbutton', { name: 'Noise' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Architecture' }), 'cnn');
    expect(screen.getByRole('spinbutton', { name: 'Residual blocks' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Channels' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Residual connections' })).toBeChecked();
    expect(screen.getByRole('option', { name: 'InstanceNorm' })).toBeEnabled();
  });

  it('shows the custom init parameters only for a custom init', async () => {
    const user = renderLab();
    expect(screen.queryByRole('spinbutton', { name: 'Gain' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Weight init' }), 'custom');
    expect(screen.getByRole('combobox', { name: 'Distribution' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Fan mode' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Gain' })).toHaveValue(1);
    expect(screen.getByRole('spinbutton', { name: 'Multiplier' })).toHaveValue(1);
  });

  it('lists only group counts that divide the width', async () => {
    const user = renderLab();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Normalization' }), 'groupNorm');
    const groups = screen.getByRole('combobox', { name: 'Groups' });
    expect(optionTexts(groups)).toEqual(['1', '2', '4', '8', '16', '32']);
  });
});

describe('LabPage messages', () => {
  it('explains batch size 1 with BatchNorm as soon as it is chosen', async () => {
    const user = renderLab();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Normalization' }), 'batchNorm');
    await enterNumber(user, 'Batch size', '1');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('BatchNorm cannot train with a batch size of 1');
    expect(alert).toHaveTextContent(/variance of 0/);
    expect(alert).toHaveTextContent(/Eval mode would instead use the running statistics/);
    expect(alert).toHaveTextContent(/GroupNorm or LayerNorm/);
    expect(worker().types()).not.toContain('train');
  });

  it('shows the error a worker reports, and offers Reset', () => {
    renderLab();
    emit({
      type: 'error',
      message: 'BatchNorm cannot train with a batch size of 1. In train mode…',
      step: 0,
    });
    expect(screen.getByRole('alert')).toHaveTextContent(/Training stopped.*batch size of 1/);
    expect(screen.getByRole('button', { name: 'Train' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reset' })).toBeEnabled();
    expect(screen.getByText('Run A stopped by an error.')).toBeInTheDocument();
  });

  it('shows a run refused for its memory as a refusal naming the setting to lower, not as a crash', () => {
    renderLab();
    emit({
      type: 'error',
      message:
        'This network needs about 8,997 MB of memory to train, more than the 256 MB a run may use. Lower the batch size to 11 or less (or lower the width or the depth).',
      step: 0,
      refused: true,
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/^Too large to train with these settings/);
    expect(alert).toHaveTextContent('Lower the batch size to 11 or less');
    expect(alert).not.toHaveTextContent('Training stopped');
    // Starting over would be refused the same way: the learner changes a setting instead.
    expect(screen.queryByRole('button', { name: 'Start this run over' })).toBeNull();
    expect(screen.getByText('Run A refused: too large to train.')).toBeInTheDocument();
  });

  it('says where a run diverged and what to try', () => {
    renderLab();
    emit({ type: 'status', running: true });
    emit(snapshotOf(1, 5));
    emit({ type: 'diverged', step: 6, reason: 'the loss became NaN' });
    emit({ type: 'status', running: false });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Diverged at step 6');
    expect(alert).toHaveTextContent('the loss became NaN');
    expect(alert).toHaveTextContent(/lower learning rate, such as 0.003/);
    expect(alert).toHaveTextContent(/normalization/);
    expect(within(alert).getByRole('button', { name: 'Start this run over' })).toBeEnabled();
    expect(screen.getByText('Run A diverged at step 6.')).toBeInTheDocument();
  });
});

describe('LabPage runs', () => {
  it('adds, duplicates and removes runs, labelling each by what differs from A', async () => {
    const user = renderLab();
    await user.click(screen.getByRole('button', { name: 'Add run' }));
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    expect(workers()).toHaveLength(2);
    // the new run is selected, ready for its one change
    expect(screen.getAllByRole('tab')[1]).toHaveAttribute('aria-selected', 'true');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Normalization' }), 'batchNorm');
    expect(screen.getAllByRole('tab')[1]).toHaveAccessibleName(/^B: BatchNorm/);
    expect(window.location.hash).toContain('b.norm=batchNorm');

    await user.click(screen.getByRole('button', { name: 'Duplicate run' }));
    expect(screen.getAllByRole('tab')).toHaveLength(3);
    expect(screen.getAllByRole('tab')[2]).toHaveAccessibleName(/^C: BatchNorm/);
    expect(screen.getAllByRole('tab')[2]).toHaveAttribute('aria-selected', 'true');

    await user.click(screen.getAllByRole('tab')[1]!);
    await user.click(screen.getByRole('button', { name: 'Remove run' }));
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    expect(worker(1).terminated).toBe(true);
    // C became B
    expect(screen.getAllByRole('tab')[1]).toHaveAccessibleName(/^B: BatchNorm/);
  });

  it('stops adding at four runs', async () => {
    const user = renderLab();
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Add run' }));
    expect(screen.getByRole('button', { name: 'Add run' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Duplicate run' })).toBeDisabled();
    expect(screen.getByText('The Lab compares at most four runs.')).toBeInTheDocument();
  });

  it('cannot remove the only run', () => {
    renderLab();
    expect(screen.getByRole('button', { name: 'Remove run' })).toBeDisabled();
  });

  it('trains every run with Train, and names Train, Step and Reset once on the page', async () => {
    const user = renderLab();
    await user.click(screen.getByRole('button', { name: 'Add run' }));
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(workers().map((w) => w.types().at(-1))).toEqual(['train', 'train']);
    emit({ type: 'status', running: true }, 0);
    emit({ type: 'status', running: true }, 1);
    // Even a substring match (as Playwright's default) finds exactly one button per action.
    expect(screen.getAllByRole('button', { name: /pause/i })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: /step/i })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: /reset/i })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(workers().map((w) => w.types().at(-1))).toEqual(['pause', 'pause']);
    emit({ type: 'status', running: false }, 0);
    emit({ type: 'status', running: false }, 1);
    expect(screen.getAllByRole('button', { name: /train/i })).toHaveLength(1);
  });

  it('starts one diverged run over without touching the others', async () => {
    const user = renderLab();
    await user.click(screen.getByRole('button', { name: 'Add run' }));
    emit({ type: 'diverged', step: 6, reason: 'the loss became NaN' }, 1);
    await user.click(screen.getAllByRole('tab')[1]!);
    await user.click(screen.getByRole('button', { name: 'Start this run over' }));
    expect(worker(1).sent.at(-1)).toEqual({ type: 'reset' });
    expect(worker(0).types()).not.toContain('reset');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('moves between run tabs with the arrow keys', async () => {
    const user = renderLab();
    await user.click(screen.getByRole('button', { name: 'Add run' }));
    const [a, b] = screen.getAllByRole('tab');
    await user.click(a!);
    await user.keyboard('{ArrowRight}');
    expect(b).toHaveFocus();
    expect(b).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName(/^B/);
    await user.keyboard('{ArrowRight}');
    expect(a).toHaveFocus();
  });
});

describe('LabPage links', () => {
  it('opens the runs a link describes', () => {
    const runs = [
      { ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm' as const },
      { ...DEFAULT_RUN_SETTINGS, norm: 'none' as const, learningRate: 0.3 },
    ];
    renderLab(labHash(runs));
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    expect(worker(0).sent[0]).toEqual({ type: 'configure', setup: toWorkerSetup(runs[0]!, 0) });
    expect(worker(1).sent[0]).toEqual({ type: 'configure', setup: toWorkerSetup(runs[1]!, 0) });
    expect(
      screen.queryByText('Some settings in this link could not be used'),
    ).not.toBeInTheDocument();
  });

  it('explains what a corrupted link got instead, until dismissed', async () => {
    const user = renderLab('#/lab?a.lr=abc&b.batch=0&zz=1');
    expect(
      screen.getByRole('heading', { name: 'Some settings in this link could not be used' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('a.lr=abc is not a number from 0.0001 to 10; used 0.03'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('b.batch=0 is not a whole number from 1 to 512; used 32'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    // the address now holds the settings actually in use
    expect(window.location.hash).toContain('a.lr=0.03');
    expect(window.location.hash).not.toContain('zz=');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/could not be used/)).not.toBeInTheDocument();
  });

  it("lists a handful of a link's problems and counts the rest", () => {
    const unknown = Array.from({ length: 300 }, (_, i) => `x${i}=1`).join('&');
    renderLab(`#/lab?${unknown}`);
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    expect(within(list).getByText(/^x0 is not a Lab setting/)).toBeInTheDocument();
    expect(
      screen.getByText('and 295 more problems with this link (not listed).'),
    ).toBeInTheDocument();
  });

  it('loads a new link pasted while the Lab is open', () => {
    renderLab();
    act(() => {
      window.location.hash = '#/lab?a.norm=layerNorm';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(useAppStore.getState().runs[0]?.settings.norm).toBe('layerNorm');
  });
});

describe('LabPage charts', () => {
  it('shows test digits instead of a decision boundary for MNIST', async () => {
    const user = renderLab();
    expect(screen.getByRole('heading', { name: 'Decision boundary' })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Dataset' }), 'mnist14');
    expect(await screen.findByRole('heading', { name: 'Test digits' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Decision boundary' })).not.toBeInTheDocument();
  });

  it("measures the selected run's untrained network through its depth", async () => {
    const user = renderLab();
    expect(screen.getByRole('heading', { name: 'Signal at initialization' })).toBeInTheDocument();
    const probe = probeWorkers()[0];
    expect(probe?.sent).toEqual([
      {
        type: 'depthProbe',
        id: 1,
        options: reluProbe({ depth: 4, width: 32, batchSize: 64, seed: 1 }),
      },
    ]);
    // A setting the probe does not depend on asks for nothing new.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Optimizer' }), 'adam');
    expect(probe?.sent).toHaveLength(1);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Dataset' }), 'mnist14');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Architecture' }), 'cnn');
    expect(
      await screen.findByText(/The signal probe measures fully connected networks/),
    ).toBeInTheDocument();
  });

  it('draws both gradient curves of the depth probe and explains how they differ', () => {
    renderLab();
    const probe = probeWorkers()[0]!;
    const request = probe.sent.find((m) => m.type === 'depthProbe');
    if (request?.type !== 'depthProbe') throw new Error('the Lab asked for no depth probe');
    act(() =>
      probe.emit({ type: 'depthProbe', id: request.id, result: depthProbe(request.options) }),
    );
    const figure = screen.getByRole('figure', { name: 'Signal at initialization' });
    expect(
      within(figure).getByRole('heading', { name: 'Gradient norm per layer' }),
    ).toBeInTheDocument();
    expectGradientCurvesExplained(figure);
  });

  it('shows the loss chart and the selected run internals, and hides panels on request', async () => {
    const user = renderLab();
    expect(screen.getByRole('heading', { name: 'Loss' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Inside run A' })).toBeInTheDocument();
    await user.click(screen.getByText('Choose panels'));
    await user.click(screen.getByRole('checkbox', { name: 'Loss curves' }));
    expect(screen.queryByRole('heading', { name: 'Loss' })).not.toBeInTheDocument();
  });
});
