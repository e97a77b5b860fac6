import { AFTER_TRAINING_BUTTONS } from '../../lessons/afterTrainingButtons';
import { afterTrainingRequests } from '../../lessons/afterTrainingRequests';
import type { AfterTrainingOperations } from '../../lessons/schema';
import { afterTrainingOperation } from '../../worker/protocol';
import { formatNumber } from '../charts/format';
import { AfterTrainingOutcome } from '../lab/AfterTrainingResults';
import { afterTrainingTargets } from './experimentRun';
import type { ExperimentRuns } from './useExperimentRuns';

/**
 * BatchNorm after training, in a lesson experiment: once the runs have trained, the learner folds
 * them, recalibrates their statistics, fine-tunes copies with live and frozen BatchNorm or averages
 * their weights (the experiment says which, and with what batches, steps and input shift), and sees
 * what each run measured. The claims about it read the same results.
 */
export function AfterTrainingActions({
  operations,
  live,
}: {
  readonly operations: AfterTrainingOperations;
  readonly live: ExperimentRuns;
}) {
  const { runs, phase } = live;
  const ready = runs.filter((r) => r.settings.norm === 'batchNorm');
  const busy = ready.some((r) => r.afterTraining.pending !== undefined);
  const targets = afterTrainingTargets(runs, live.hasNetwork);
  const trained = phase === 'finished' && targets.ready;
  const measuring = phase === 'finished' && targets.indices.length > 0 && !targets.ready;
  const restored = phase === 'finished' && targets.indices.length === 0;
  const { recalibrate, fineTune, average } = operations;
  const shift = recalibrate?.shift;
  return (
    <div className="nl-experiment__after" role="group" aria-label="BatchNorm after training">
      <p className="nl-hint">
        {trained
          ? 'The runs have trained: now work on their BatchNorm layers.'
          : measuring
            ? 'The runs have trained and are measuring the last step on the test set: the buttons follow in a moment.'
            : restored
              ? 'These runs were restored from earlier and their networks are gone: “Run again” to work on them.'
              : 'Once the runs have trained, these buttons work on their BatchNorm layers.'}
      </p>
      <div className="nl-experiment__actions">
        {afterTrainingRequests(operations).map((request) => (
          <button
            key={request.type}
            type="button"
            className="nl-button"
            disabled={!trained || busy}
            onClick={() => live.afterTraining(request)}
          >
            {AFTER_TRAINING_BUTTONS[afterTrainingOperation(request)]}
          </button>
        ))}
      </div>
      {fineTune ? (
        <p className="nl-hint">
          Fine-tuning trains two copies of each network for {fineTune.steps} steps on the same
          batches of {fineTune.batchSize} at learning rate {formatNumber(fineTune.learningRate)},
          one with live and one with frozen BatchNorm, and measures both on the test images.
        </p>
      ) : null}
      {average ? (
        <p className="nl-hint">
          Averaging continues a copy of each network for {average.steps} steps, averages their
          weights, and measures the average with its old statistics and with statistics recalibrated
          from {average.batches} batches.
        </p>
      ) : null}
      {recalibrate ? (
        <p className="nl-hint">
          Recalibrating averages the statistics of {recalibrate.batches} training batches
          {shift
            ? `, with every input value x turned into ${formatNumber(shift.contrast)} · x ${shift.brightness >= 0 ? '+' : '−'} ${formatNumber(Math.abs(shift.brightness))}, and measures before and after on test images shifted the same way`
            : ''}
          .
        </p>
      ) : null}
      <div role="status">
        {ready.map((run) => {
          const { fold, recalibration, fineTune: tuned, averaging, refusal } = run.afterTraining;
          if (!fold && !recalibration && !tuned && !averaging && !refusal) return null;
          return (
            <div key={run.label} className="nl-experiment__after-run">
              <strong>{run.label}</strong>
              <AfterTrainingOutcome state={run.afterTraining} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
