// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RecalibrationReport } from '../../../src/engine/train/batchNormAfterTraining';
import { useAppStore } from '../../../src/store/appStore';
import { LabPage } from '../../../src/ui/lab/LabPage';
import type { FromWorker } from '../../../src/worker/protocol';
import { READY } from '../../runs/runFixtures';
import { snapshotOf, type FakeRunWorker } from '../../store/fakeRunWorker';
import { setupLabTests } from './labTestEnvironment';
import { enterNumber } from './renderLab';

const { workers } = setupLabTests();

function worker(): FakeRunWorker {
  const w = workers().at(-1);
  if (!w) throw new Error('no worker');
  return w;
}
const emit = (message: FromWorker) => act(() => worker().emit(message));
const evaluation = (loss: number, accuracy: number) => ({
  loss,
  accuracy,
  count: 500,
  mode: 'eval' as const,
});
/** The worker's answer to a recalibration of the paused run (step 40, batches of 32). */
const emitRecalibrated = (report: Omit<RecalibrationReport, 'batchSize'>) =>
  emit({
    type: 'afterTraining',
    result: { kind: 'recalibrate', step: 40, report: { ...report, batchSize: 32 } },
  });

function renderPausedBatchNormRun() {
  const user = userEvent.setup();
  render(<LabPage />);
  act(() => {
    const store = useAppStore.getState();
    store.updateSetting(store.runs[0]!.id, 'norm', 'batchNorm');
  });
  emit(READY);
  emit(snapshotOf(1, 40));
  emit({ type: 'status', running: false });
  return user;
}

describe('BatchNorm after training in the Lab', () => {
  it('is offered only for a BatchNorm run', () => {
    render(<LabPage />);
    expect(screen.queryByRole('button', { name: 'Fold BatchNorm' })).not.toBeInTheDocument();
  });

  it('folds through the worker and shows what it measured', async () => {
    const user = renderPausedBatchNormRun();
    await user.click(screen.getByRole('button', { name: 'Fold BatchNorm' }));
    expect(worker().sent.at(-1)).toEqual({ type: 'foldBatchNorm' });
    expect(screen.getByRole('button', { name: 'Folding…' })).toBeDisabled();
    emit({
      type: 'afterTraining',
      result: {
        kind: 'fold',
        step: 40,
        report: {
          samples: 500,
          maxDifference: 2.4e-6,
          maxLogit: 4.3,
          accuracyBefore: 0.952,
          accuracyAfter: 0.952,
          layersBefore: 12,
          layersAfter: 8,
          parametersBefore: 3000,
          parametersAfter: 2800,
          msBefore: 1.2,
          msAfter: 0.7,
        },
      },
    });
    const status = screen.getByText(/Folded at step 40/);
    expect(status).toHaveTextContent('4 BatchNorm layers merged');
    expect(status).toHaveTextContent(
      'largest difference between the two networks’ logits is 2.4e−6'.replace('’', "'"),
    );
    expect(status).toHaveTextContent('accuracy is 95% before and 95% after');
    expect(screen.getByRole('button', { name: 'Fold BatchNorm' })).toBeEnabled();
  });

  it('recalibrates with the number of batches asked for, and shows the loss before and after', async () => {
    const user = renderPausedBatchNormRun();
    await enterNumber(user, 'Batches for recalibration', '50');
    await user.click(screen.getByRole('button', { name: 'Recalibrate statistics' }));
    expect(worker().sent.at(-1)).toEqual({
      type: 'recalibrateBatchNorm',
      batches: 50,
      shift: undefined,
    });
    emitRecalibrated({
      batches: 50,
      shift: undefined,
      before: evaluation(7.16, 0.396),
      after: evaluation(1.72, 0.535),
    });
    expect(screen.getByText(/Recalibrated at step 40/)).toHaveTextContent(
      'eval loss 7.16 → 1.72, accuracy 40% → 54%',
    );
  });

  it('recalibrates on shifted inputs (AdaBN) when a contrast or brightness is set, and says so', async () => {
    const user = renderPausedBatchNormRun();
    await enterNumber(user, 'Contrast', '0.5');
    await enterNumber(user, 'Brightness', '1');
    await user.click(screen.getByRole('button', { name: 'Recalibrate statistics' }));
    const shift = { contrast: 0.5, brightness: 1 };
    expect(worker().sent.at(-1)).toEqual({ type: 'recalibrateBatchNorm', batches: 20, shift });
    emitRecalibrated({
      batches: 20,
      shift,
      before: evaluation(2.41, 0.302),
      after: evaluation(0.19, 0.946),
    });
    const status = screen.getByText(/Recalibrated at step 40/);
    expect(status).toHaveTextContent('shifted (contrast ×0.5, brightness +1)');
    expect(status).toHaveTextContent('accuracy 30% → 95% on 500 test samples shifted the same way');
    expect(status).toHaveTextContent('validation on the unshifted test images');
  });

  it('refuses a contrast out of range and keeps the last good one', async () => {
    const user = renderPausedBatchNormRun();
    await enterNumber(user, 'Contrast', '0');
    expect(screen.getByText(/is not a number from 0.1 to 10/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Recalibrate statistics' }));
    expect(worker().sent.at(-1)).toEqual({
      type: 'recalibrateBatchNorm',
      batches: 20,
      shift: undefined,
    });
  });

  it('shows a refusal, and offers nothing while training', async () => {
    const user = renderPausedBatchNormRun();
    await user.click(screen.getByRole('button', { name: 'Fold BatchNorm' }));
    emit({
      type: 'afterTraining',
      result: {
        kind: 'refused',
        operation: 'fold',
        step: 40,
        message: 'Pause the run first: its weights must stay still.',
      },
    });
    expect(screen.getByText(/its weights must stay still/)).toBeInTheDocument();
    emit({ type: 'status', running: true });
    expect(screen.getByRole('button', { name: 'Fold BatchNorm' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Recalibrate statistics' })).toBeDisabled();
  });

  it('fine-tunes copies with live and frozen BatchNorm at the batch size asked for, and shows both', async () => {
    const user = renderPausedBatchNormRun();
    await enterNumber(user, 'Fine-tuning steps', '150');
    await user.click(
      screen.getByRole('button', { name: 'Fine-tune with live and frozen BatchNorm' }),
    );
    expect(worker().sent.at(-1)).toEqual({
      type: 'fineTuneBatchNorm',
      batchSize: 2,
      steps: 150,
      learningRate: 0.001,
    });
    expect(screen.getByRole('button', { name: 'Fine-tuning…' })).toBeDisabled();
    emit({
      type: 'afterTraining',
      result: {
        kind: 'fineTune',
        step: 40,
        report: {
          batchSize: 2,
          steps: 150,
          learningRate: 0.001,
          before: evaluation(0.21, 0.941),
          live: { evaluation: evaluation(2.19, 0.236) },
          frozen: { divergedAt: 17, reason: 'the loss is not finite' },
        },
      },
    });
    const status = screen.getByText(/Fine-tuned two copies of the network of step 40/);
    expect(status).toHaveTextContent('for 150 steps with batches of 2 at learning rate 0.001');
    expect(status).toHaveTextContent('Before: eval loss 0.21, accuracy 94%');
    expect(status).toHaveTextContent('Live BatchNorm: eval loss 2.19, accuracy 24%');
    expect(status).toHaveTextContent(
      'Frozen BatchNorm: diverged at step 17 (the loss is not finite)',
    );
  });

  it('averages the weights over the steps asked for, and shows the average before and after update_bn', async () => {
    const user = renderPausedBatchNormRun();
    await enterNumber(user, 'Averaging steps', '80');
    await user.click(screen.getByRole('button', { name: 'Average weights and recalibrate' }));
    expect(worker().sent.at(-1)).toEqual({ type: 'averageWeights', steps: 80, batches: 20 });
    emit({
      type: 'afterTraining',
      result: {
        kind: 'average',
        step: 40,
        report: {
          steps: 80,
          batches: 20,
          last: evaluation(0.374, 0.9),
          averaged: {
            batches: 20,
            batchSize: 32,
            shift: undefined,
            before: evaluation(0.39, 0.89),
            after: evaluation(0.248, 0.93),
          },
        },
      },
    });
    const status = screen.getByText(/Continued a copy of the network of step 40 for 80 steps/);
    expect(status).toHaveTextContent('The last of them: eval loss 0.374, accuracy 90%');
    expect(status).toHaveTextContent('started from: 0.39, 89%');
    expect(status).toHaveTextContent('recalibrated from 20 batches (update_bn): 0.248, 93%');
  });
});
