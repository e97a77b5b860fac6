import { useState } from 'react';
import { isIdentityShift, type InputShift } from '../../engine/data/shift';
import {
  MAX_FINE_TUNE_STEPS,
  MAX_RECALIBRATION_BATCHES,
} from '../../engine/model/recalibrationLimits';
import type { LabRun } from '../../store/labRun';
import type { AfterTrainingRequest } from '../../worker/protocol';
import { AfterTrainingOutcome } from './AfterTrainingResults';
import { keyField } from './fields/keyField';
import { NumberField, type NumberFieldProps } from './fields/NumberField';
import { formatCount } from '../../lab/formatNumber';

const DEFAULT_BATCHES = 20;
const NO_SHIFT: InputShift = { contrast: 1, brightness: 0 };
/** Lesson 6's fine-tuning: batches of 2 at a fiftieth of its training rate. */
const DEFAULT_FINE_TUNE = { batchSize: 2, steps: 200, learningRate: 0.001 };
type FineTune = typeof DEFAULT_FINE_TUNE;
const DEFAULT_AVERAGE_STEPS = 200;

/** A number field's label, hint and limits: everything but its value. */
type FieldSpec = Omit<NumberFieldProps, 'value' | 'onChange'>;

const BATCHES: FieldSpec = {
  label: 'Batches for recalibration',
  hint: `Training batches averaged, 1 to ${formatCount(MAX_RECALIBRATION_BATCHES)}`,
  min: 1,
  max: MAX_RECALIBRATION_BATCHES,
  integer: true,
};

const SHIFT_FIELDS: Readonly<Record<keyof InputShift, FieldSpec>> = {
  contrast: {
    label: 'Contrast',
    hint: 'Factor on every input value, 0.1 to 10',
    min: 0.1,
    max: 10,
    step: 'any',
  },
  brightness: {
    label: 'Brightness',
    hint: 'Added to every input value, −5 to 5',
    min: -5,
    max: 5,
    step: 'any',
  },
};

const FINE_TUNE_FIELDS: Readonly<Record<keyof FineTune, FieldSpec>> = {
  batchSize: {
    label: 'Fine-tuning batch size',
    hint: 'Samples per step, 2 to 512',
    min: 2,
    max: 512,
    integer: true,
  },
  steps: {
    label: 'Fine-tuning steps',
    hint: `Steps for each copy, 1 to ${formatCount(MAX_FINE_TUNE_STEPS)}`,
    min: 1,
    max: MAX_FINE_TUNE_STEPS,
    integer: true,
  },
  learningRate: {
    label: 'Fine-tuning learning rate',
    hint: '0.0001 to 10; fine-tuning usually takes a small fraction of the training rate',
    min: 0.0001,
    max: 10,
    step: 'any',
  },
};

const AVERAGE_STEPS: FieldSpec = {
  label: 'Averaging steps',
  hint: `Steps whose weights are averaged, 1 to ${formatCount(MAX_FINE_TUNE_STEPS)}`,
  min: 1,
  max: MAX_FINE_TUNE_STEPS,
  integer: true,
};

/** One number field per entry of `fields`, in its order, each editing that entry of `values`. */
function NumberFields<K extends string>({
  fields,
  values,
  onChange,
}: {
  readonly fields: Readonly<Record<K, FieldSpec>>;
  readonly values: Readonly<Record<K, number>>;
  readonly onChange: (change: (values: Readonly<Record<K, number>>) => Record<K, number>) => void;
}) {
  return (Object.keys(fields) as K[]).map((key) => (
    <NumberField key={key} {...fields[key]} {...keyField(values, onChange, key)} />
  ));
}

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
      <NumberField {...BATCHES} value={batches} onChange={setBatches} />
      <fieldset className="nl-fieldset">
        <legend>Shifted inputs (AdaBN)</legend>
        <p className="nl-note">
          To see a change of input distribution, recalibrate on a shifted copy of the data: every
          input value x becomes contrast · x + brightness, in the recalibration batches and in the
          test images the loss before and after is measured on. Contrast 1 and brightness 0 leave
          the data as it is.
        </p>
        <NumberFields fields={SHIFT_FIELDS} values={shift} onChange={setShift} />
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
        <NumberFields fields={FINE_TUNE_FIELDS} values={fineTune} onChange={setFineTune} />
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
        <NumberField {...AVERAGE_STEPS} value={averageSteps} onChange={setAverageSteps} />
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
