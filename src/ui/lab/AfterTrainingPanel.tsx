import { useState } from 'react';
import { isIdentityShift, type InputShift } from '../../engine/data/shift';
import { MAX_RECALIBRATION_BATCHES } from '../../engine/model/recalibrationLimits';
import type { LabRun } from '../../store/labRun';
import { AfterTrainingOutcome } from './AfterTrainingResults';
import { NumberField } from './fields/NumberField';

const DEFAULT_BATCHES = 20;
const NO_SHIFT: InputShift = { contrast: 1, brightness: 0 };

/**
 * BatchNorm after training, for the selected run: fold the norms into the layers before them (and
 * see that nothing changes), or re-estimate the running statistics with the weights frozen ("precise
 * BN") and see what the lagging moving averages cost. Both go through the run's worker.
 */
export function AfterTrainingPanel({
  run,
  onFold,
  onRecalibrate,
}: {
  readonly run: LabRun;
  readonly onFold: () => void;
  readonly onRecalibrate: (batches: number, shift: InputShift | undefined) => void;
}) {
  const [batches, setBatches] = useState(DEFAULT_BATCHES);
  const [shift, setShift] = useState(NO_SHIFT);
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
        weights frozen.
      </p>
      <div className="nl-button-row">
        <button type="button" className="nl-button" disabled={busy || !foldable} onClick={onFold}>
          {pending === 'fold' ? 'Folding…' : 'Fold BatchNorm'}
        </button>
        <button
          type="button"
          className="nl-button"
          disabled={busy}
          onClick={() => onRecalibrate(batches, isIdentityShift(shift) ? undefined : shift)}
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
        hint={`Training batches averaged, 1 to ${MAX_RECALIBRATION_BATCHES}`}
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
      <div role="status">
        <AfterTrainingOutcome state={run.afterTraining} />
      </div>
    </section>
  );
}
