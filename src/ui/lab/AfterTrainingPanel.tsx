import { useState } from 'react';
import { isIdentityShift, type InputShift } from '../../engine/data/shift';
import {
  MAX_FINE_TUNE_STEPS,
  MAX_RECALIBRATION_BATCHES,
} from '../../engine/model/recalibrationLimits';
import type { LabRun } from '../../store/labRun';
import type { AfterTrainingRequest } from '../../worker/protocol';
import { AfterTrainingOutcome } from './AfterTrainingResults';
import { NumberField } from './fields/NumberField';
import { formatCount } from '../../lab/formatNumber';

const DEFAULT_BATCHES = 20;
const NO_SHIFT: InputShift = { contrast: 1, brightness: 0 };
/** Lesson 6's fine-tuning: batches of 2 at a fiftieth of its training rate. */
const DEFAULT_FINE_TUNE = { batchSize: 2, steps: 200, learningRate: 0.001 };
const DEFAULT_AVERAGE_STEPS = 200;

/**
 * BatchNorm after training, for the selected run: fold the norms into the layers before them (and
 * see that nothing changes), re-estimate the running statistics with the weights frozen ("precise
 * BN") and see what the lagging moving averages cost, fine-tune with small batches with BatchNorm
 * live and frozen, or average the weights (SWA) and recalibrate. All go through the run's worker.
 */
export function AfterTrainingPanel({
  run,
  onRequest,
}: {
  readonly run: LabRun;
  readonly onRequest: (request: AfterTrainingRequest) => void;
}) {
  const [batches, setBatches] = useState(DEFAULT_BATCHES);
  const [shift, setShift] = useState(NO_SHIFT);
  const [fineTune, setFineTune] = useState(DEFAULT_FINE_TUNE);
  const [averageSteps, setAverageSteps] = useState(DEFAULT_AVERAGE_STEPS);
  if (run.settings.norm !== 'batchNorm') return null;
  const { pending } = run.afterTraining;
  const busy = pending !== undefined || run.status === 'running' || !run.ready;
  const foldable = run.settings.placement === 'before';
  return (
    <section className="nl-fieldset" aria-labelledby={`${run.id}-after-training`}>
      <h3 id={`${run.id}-after-training`} className="nl-section-title">
        BatchNorm after training
      </h3>
      <p className="nl-note">
        Pause the run first. Folding merges each BatchNorm into the layer before it; recalibrating
        replaces the running statistics by their average over fresh training batches, with the
        weights frozen. Fine-tuning and weight averaging below train copies of the network.
      </p>
      <div className="nl-button-row">
        <button
          type="button"
          className="nl-button"
          disabled={busy || !foldable}
          onClick={() => onRequest({ type: 'foldBatchNorm' })}
        >
          {pending === 'fold' ? 'Folding…' : 'Fold BatchNorm'}
        </button>
        <button
          type="button"
          className="nl-button"
          disabled={busy}
          onClick={() =>
            onRequest({
              type: 'recalibrateBatchNorm',
              batches,
              shift: isIdentityShift(shift) ? undefined : shift,
            })
          }
        >
          {pending === 'recalibrate' ? 'Recalibrating…' : 'Recalibrate statistics'}
        </button>
      </div>
      {foldable ? null : (
        <p className="nl-note">
          Folding needs BatchNorm directly after its layer: set placement to “before”.
        </p>
      )}
      <NumberField
        label="Batches for recalibration"
        hint={`Training batches averaged, 1 to ${formatCount(MAX_RECALIBRATION_BATCHES)}`}
        value={batches}
        min={1}
        max={MAX_RECALIBRATION_BATCHES}
        integer
        onChange={setBatches}
      />
      <fieldset className="nl-fieldset">
        <legend>Shifted inputs (AdaBN)</legend>
        <p className="nl-note">
          To see a change of input distribution, recalibrate on a shifted copy of the data: every
          input value x becomes contrast · x + brightness, in the recalibration batches and in the
          test images the loss before and after is measured on. Contrast 1 and brightness 0 leave
          the data as it is.
        </p>
        <NumberField
          label="Contrast"
          hint="Factor on every input value, 0.1 to 10"
          value={shift.contrast}
          min={0.1}
          max={10}
          step="any"
          onChange={(contrast) => setShift((s) => ({ ...s, contrast }))}
        />
        <NumberField
          label="Brightness"
          hint="Added to every input value, −5 to 5"
          value={shift.brightness}
          min={-5}
          max={5}
          step="any"
          onChange={(brightness) => setShift((s) => ({ ...s, brightness }))}
        />
      </fieldset>
      <fieldset className="nl-fieldset">
        <legend>Fine-tune with small batches</legend>
        <p className="nl-note">
          Continues training two copies of this network on the same small batches, one with live
          BatchNorm (batch statistics, running statistics updated) and one with every BatchNorm
          frozen (normalizing with the running statistics and keeping them, PyTorch&apos;s{' '}
          <code>m.eval()</code> on each BatchNorm), and compares their eval loss and accuracy with
          the network&apos;s now. The run itself is not changed.
        </p>
        <NumberField
          label="Fine-tuning batch size"
          hint="Samples per step, 2 to 512"
          value={fineTune.batchSize}
          min={2}
          max={512}
          integer
          onChange={(batchSize) => setFineTune((f) => ({ ...f, batchSize }))}
        />
        <NumberField
          label="Fine-tuning steps"
          hint={`Steps for each copy, 1 to ${formatCount(MAX_FINE_TUNE_STEPS)}`}
          value={fineTune.steps}
          min={1}
          max={MAX_FINE_TUNE_STEPS}
          integer
          onChange={(steps) => setFineTune((f) => ({ ...f, steps }))}
        />
        <NumberField
          label="Fine-tuning learning rate"
          hint="0.0001 to 10; fine-tuning usually takes a small fraction of the training rate"
          value={fineTune.learningRate}
          min={0.0001}
          max={10}
          step="any"
          onChange={(learningRate) => setFineTune((f) => ({ ...f, learningRate }))}
        />
        <button
          type="button"
          className="nl-button"
          disabled={busy}
          onClick={() => onRequest({ type: 'fineTuneBatchNorm', ...fineTune })}
        >
          {pending === 'fineTune' ? 'Fine-tuning…' : 'Fine-tune with live and frozen BatchNorm'}
        </button>
      </fieldset>
      <fieldset className="nl-fieldset">
        <legend>Weight averaging (SWA)</legend>
        <p className="nl-note">
          Continues training a copy of this network at its own batch size and learning rate and
          averages its weights over those steps, then measures the average twice: with the running
          statistics it started with (what happens when <code>update_bn</code> is forgotten) and
          with statistics recalibrated for it from the number of batches set above.
        </p>
        <NumberField
          label="Averaging steps"
          hint={`Steps whose weights are averaged, 1 to ${formatCount(MAX_FINE_TUNE_STEPS)}`}
          value={averageSteps}
          min={1}
          max={MAX_FINE_TUNE_STEPS}
          integer
          onChange={setAverageSteps}
        />
        <button
          type="button"
          className="nl-button"
          disabled={busy}
          onClick={() => onRequest({ type: 'averageWeights', steps: averageSteps, batches })}
        >
          {pending === 'average' ? 'Averaging…' : 'Average weights and recalibrate'}
        </button>
      </fieldset>
      <div role="status">
        <AfterTrainingOutcome state={run.afterTraining} />
      </div>
    </section>
  );
}
