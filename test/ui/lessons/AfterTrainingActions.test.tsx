// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildTrack } from '../../../src/lessons/track';
import { snapshotOf } from '../../store/fakeRunWorker';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { quizBlock } from '../../lessons/progress/fixtureTrack';
import {
  SPIRAL_READY,
  emit,
  loadProgressFor,
  setupLessonTests,
  trainToTheEnd,
  validationAt,
  workerAt,
} from './lessonTestEnvironment';

setupLessonTests();

/** A lesson with one BatchNorm experiment whose claim reads what folding measured. */
const track = buildTrack({
  'lessons/01-after.md': `---
id: after
title: After training
order: 1
summary: Fold it.
minutes: 5
unlocks: [milestone]
---

Prose.

:::experiment fold-it
title: Fold a trained network
base: { dataset: spiral, depth: 2, width: 8, norm: batchNorm }
runs:
  - label: Net
charts: [loss]
steps: 100
afterTraining: { fold: true, recalibrate: { batches: 5, shift: { contrast: 0.5, brightness: 1 } } }
claim: { kind: afterTraining, run: Net, measure: foldDifference, atMost: 0.0001 }
:::

${[1, 2, 3, 4].map((n) => quizBlock(`q${n}`, `Question ${n}?`)).join('\n')}`,
});

const foldReport = {
  samples: 500,
  maxDifference: 3e-6,
  maxLogit: 8,
  accuracyBefore: 0.9,
  accuracyAfter: 0.9,
  layersBefore: 8,
  layersAfter: 6,
  parametersBefore: 300,
  parametersAfter: 280,
  msBefore: 1,
  msAfter: 0.5,
};

describe('BatchNorm after training in a lesson experiment', () => {
  it('offers Fold and Recalibrate once the runs have trained, sends them to the run, and judges the claim on the answer', async () => {
    expect(track.issues).toEqual([]);
    loadProgressFor(track);
    const user = userEvent.setup();
    render(<LessonPage track={track} id="after" instructor={false} />);
    const section = screen.getByRole('region', { name: /Experiment Fold a trained network/ });
    const fold = within(section).getByRole('button', { name: 'Fold BatchNorm' });
    expect(fold).toBeDisabled();
    expect(section).toHaveTextContent('Once the runs have trained');
    expect(section).toHaveTextContent('with every input value x turned into 0.5 · x + 1');

    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    trainToTheEnd(0);
    expect(fold).toBeEnabled();
    expect(section).toHaveTextContent('press “Fold BatchNorm” once the run has trained');

    await user.click(fold);
    expect(workerAt(0).sent.at(-1)).toEqual({ type: 'foldBatchNorm' });
    expect(fold).toBeDisabled();
    emit(0, { type: 'afterTraining', result: { kind: 'fold', step: 100, report: foldReport } });
    expect(within(section).getByText(/Folded at step 100/)).toHaveTextContent(
      '2 BatchNorm layers merged',
    );
    expect(section).toHaveTextContent(/largest \|logit difference\|.* = 3\.00e-6/);

    await user.click(within(section).getByRole('button', { name: 'Recalibrate statistics' }));
    expect(workerAt(0).sent.at(-1)).toEqual({
      type: 'recalibrateBatchNorm',
      batches: 5,
      shift: { contrast: 0.5, brightness: 1 },
    });
  });

  it('waits for the validation of the last step before it offers the buttons, so a press always reaches the runs', async () => {
    loadProgressFor(track);
    const user = userEvent.setup();
    render(<LessonPage track={track} id="after" instructor={false} />);
    const section = screen.getByRole('region', { name: /Experiment Fold a trained network/ });
    const fold = within(section).getByRole('button', { name: 'Fold BatchNorm' });
    await user.click(within(section).getByRole('button', { name: 'Run experiment' }));
    emit(0, SPIRAL_READY);
    emit(0, snapshotOf(1, 100));

    // Trained to the last step, its validation not back yet: "Training finished." shows, and a press
    // here used to send nothing while the button looked ready.
    expect(section).toHaveTextContent('Training finished.');
    expect(fold).toBeDisabled();
    expect(section).toHaveTextContent('measuring the last step on the test set');
    expect(section).not.toHaveTextContent('restored from earlier');

    emit(0, validationAt(100, 0.9));
    expect(fold).toBeEnabled();
    await user.click(fold);
    expect(workerAt(0).sent.at(-1)).toEqual({ type: 'foldBatchNorm' });
  });
});
