// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildTrack } from '../../../src/lessons/track';
import { resetAppStore, useAppStore } from '../../../src/store/appStore';
import { LessonPage } from '../../../src/ui/lessons/LessonPage';
import { ALPHA, BETA, GAMMA } from '../../lessons/progress/fixtureTrack';
import { snapshotOf } from '../../store/fakeRunWorker';
import {
  emit,
  loadProgressFor,
  setupLessonTests,
  SPIRAL_READY,
  validationAt,
} from './lessonTestEnvironment';

setupLessonTests();

const PREDICTION = `:::prediction guess-net
experiment: falls
question: How accurate will **Net** be after its 100 steps?
measure: { kind: finalAccuracy, run: Net }
choices:
  - text: Below half
    below: 0.5
  - text: Half or better
    from: 0.5
    expected: true
explanation: The spiral is easy for a two-layer net.
:::

:::experiment falls`;

const track = buildTrack({
  '01-alpha.md': ALPHA.replace(':::experiment falls', PREDICTION),
  '02-beta.md': BETA,
  '03-gamma.md': GAMMA,
});
const KEY = 'alpha/guess-net';

function renderAlpha() {
  loadProgressFor(track);
  render(<LessonPage track={track} id="alpha" instructor={false} />);
  const experiment = screen.getByRole('region', { name: /Experiment Loss falls/ });
  const prediction = within(experiment).getByRole('region', { name: /^Predict first/ });
  return { experiment, prediction };
}

describe('predict, then run', () => {
  it('the learner commits to a prediction, runs, and sees it beside the measured result', async () => {
    expect(track.issues).toEqual([]);
    const user = userEvent.setup();
    const { experiment, prediction } = renderAlpha();
    const run = within(experiment).getByRole('button', { name: 'Run experiment' });

    await user.click(within(prediction).getByRole('button', { name: 'Commit prediction' }));
    expect(within(prediction).getByRole('status')).toHaveTextContent('Choose a prediction first.');
    expect(useAppStore.getState().progress.predictions[KEY]).toBeUndefined();

    await user.click(within(prediction).getByRole('radio', { name: 'Half or better' }));
    await user.click(within(prediction).getByRole('button', { name: 'Commit prediction' }));
    expect(useAppStore.getState().progress.predictions[KEY]).toMatchObject({ choice: 1 });
    expect(within(prediction).queryByRole('radio')).not.toBeInTheDocument();
    const status = within(prediction).getByRole('status');
    expect(status).toHaveTextContent(/Your prediction\s*Half or better/);
    expect(status).toHaveTextContent(/Run the experiment to see it\./);

    await user.click(run);
    for (const index of [0, 1]) {
      emit(index, SPIRAL_READY);
      emit(index, snapshotOf(1, 100));
      emit(index, validationAt(100, index === 0 ? 0.875 : 0.5));
    }
    expect(status).toHaveTextContent(
      /Your runs: Validation accuracy of “Net” after its last step\s*87\.5 %/,
    );
    expect(status).toHaveTextContent(
      /Your prediction held\.\s*The spiral is easy for a two-layer net\./,
    );
  });

  it('keeps the committed prediction across a reload and says when it did not hold', async () => {
    const user = userEvent.setup();
    const first = renderAlpha();
    await user.click(within(first.prediction).getByRole('radio', { name: 'Below half' }));
    await user.click(within(first.prediction).getByRole('button', { name: 'Commit prediction' }));
    document.body.innerHTML = '';
    resetAppStore();

    const { experiment, prediction } = renderAlpha();
    expect(within(prediction).queryByRole('button', { name: 'Commit prediction' })).toBeNull();
    expect(within(prediction).getByRole('status')).toHaveTextContent(
      /Your prediction\s*Below half/,
    );
    await user.click(within(experiment).getByRole('button', { name: 'Run experiment' }));
    for (const index of [0, 1]) {
      emit(index, SPIRAL_READY);
      emit(index, snapshotOf(1, 100));
      emit(index, validationAt(100, 0.9));
    }
    expect(within(prediction).getByRole('status')).toHaveTextContent(
      /Your prediction did not hold\. The result is: Half or better\./,
    );
  });

  it('takes no prediction while the runs are trained, only after a reset', async () => {
    const user = userEvent.setup();
    const { experiment, prediction } = renderAlpha();
    await user.click(within(experiment).getByRole('button', { name: 'Run experiment' }));
    expect(within(prediction).queryByRole('radio')).toBeNull();
    expect(prediction).toHaveTextContent(/started before you made a prediction/);
    await user.click(within(experiment).getByRole('button', { name: 'Pause' }));
    await user.click(within(experiment).getByRole('button', { name: 'Reset' }));
    expect(within(prediction).getAllByRole('radio')).toHaveLength(2);
  });
});
