/**
 * What folding, recalibrating, fine-tuning and averaging a run measured, in words: the Lab's run panel
 * and lesson experiments show them.
 */
import type { InputShift } from '../../engine/data/shift';
import type { FoldReport, RecalibrationReport } from '../../engine/train/batchNormAfterTraining';
import type { FineTuneOutcome, FineTuneReport } from '../../engine/train/fineTune';
import type { AveragingReport } from '../../engine/train/weightAveraging';
import type { AfterTrainingState } from '../../runs/runState';
import { formatNumber, formatPercent, formatStep } from '../charts/format';
import { formatCount } from '../../lab/formatNumber';

function describeShift({ contrast, brightness }: InputShift): string {
  return `contrast ×${formatNumber(contrast)}, brightness ${brightness >= 0 ? '+' : ''}${formatNumber(brightness)}`;
}

export function FoldResult({
  step,
  report,
}: {
  readonly step: number;
  readonly report: FoldReport;
}) {
  const folds = report.layersBefore - report.layersAfter;
  return (
    <p>
      Folded at step {formatStep(step)}: {folds} BatchNorm layer{folds === 1 ? '' : 's'} merged into
      the layers before them ({report.layersBefore} → {report.layersAfter} layers,{' '}
      {formatCount(report.parametersBefore)} → {formatCount(report.parametersAfter)} stored
      numbers). On {report.samples} test samples the largest difference between the two
      networks&apos; logits is {formatNumber(report.maxDifference)} (the largest logit is{' '}
      {formatNumber(report.maxLogit)}): float32 rounding, so accuracy is{' '}
      {formatPercent(report.accuracyBefore)} before and {formatPercent(report.accuracyAfter)} after.
      One eval pass took {formatNumber(report.msBefore)} ms before and{' '}
      {formatNumber(report.msAfter)} ms after (best of 3 in this tab; timings vary with what else
      the machine does).
    </p>
  );
}

export function RecalibrationResult({
  step,
  report,
}: {
  readonly step: number;
  readonly report: RecalibrationReport;
}) {
  const { shift } = report;
  return (
    <p>
      Recalibrated at step {formatStep(step)} from {report.batches} training batches of{' '}
      {report.batchSize}
      {shift ? `, shifted (${describeShift(shift)})` : ''}: eval loss{' '}
      {formatNumber(report.before.loss)} → {formatNumber(report.after.loss)}, accuracy{' '}
      {formatPercent(report.before.accuracy)} → {formatPercent(report.after.accuracy)} on{' '}
      {report.after.count} {shift ? 'test samples shifted the same way' : 'test samples'}. The run
      keeps the new statistics
      {shift
        ? ', so its validation on the unshifted test images now normalizes with the statistics of shifted inputs.'
        : '.'}
    </p>
  );
}

function describeOutcome(outcome: FineTuneOutcome): string {
  return 'evaluation' in outcome
    ? `eval loss ${formatNumber(outcome.evaluation.loss)}, accuracy ${formatPercent(outcome.evaluation.accuracy)}`
    : `diverged at step ${formatStep(outcome.divergedAt)} (${outcome.reason})`;
}

export function FineTuneResult({
  step,
  report,
}: {
  readonly step: number;
  readonly report: FineTuneReport;
}) {
  return (
    <p>
      Fine-tuned two copies of the network of step {formatStep(step)} for {report.steps} steps with
      batches of {report.batchSize} at learning rate {formatNumber(report.learningRate)}, on the
      same batches. Before: eval loss {formatNumber(report.before.loss)}, accuracy{' '}
      {formatPercent(report.before.accuracy)}. Live BatchNorm: {describeOutcome(report.live)}.
      Frozen BatchNorm: {describeOutcome(report.frozen)}. Measured on {report.before.count} test
      samples; the run itself is unchanged.
    </p>
  );
}

export function AveragingResult({
  step,
  report,
}: {
  readonly step: number;
  readonly report: AveragingReport;
}) {
  const { before, after } = report.averaged;
  return (
    <p>
      Continued a copy of the network of step {formatStep(step)} for {report.steps} steps and
      averaged their weights. The last of them: eval loss {formatNumber(report.last.loss)}, accuracy{' '}
      {formatPercent(report.last.accuracy)}. The average with the running statistics it started
      from: {formatNumber(before.loss)}, {formatPercent(before.accuracy)}. The average with
      statistics recalibrated from {report.batches} batches (update_bn): {formatNumber(after.loss)},{' '}
      {formatPercent(after.accuracy)}. Measured on {after.count} test samples; the run itself is
      unchanged.
    </p>
  );
}

/** A run's latest refusal and the latest result of each operation, each shown when there is one. */
export function AfterTrainingOutcome({ state }: { readonly state: AfterTrainingState }) {
  const { fold, recalibration, fineTune, averaging, refusal } = state;
  return (
    <>
      {refusal ? <p className="nl-field__error">{refusal.message}</p> : null}
      {fold ? <FoldResult step={fold.step} report={fold.report} /> : null}
      {recalibration ? (
        <RecalibrationResult step={recalibration.step} report={recalibration.report} />
      ) : null}
      {fineTune ? <FineTuneResult step={fineTune.step} report={fineTune.report} /> : null}
      {averaging ? <AveragingResult step={averaging.step} report={averaging.report} /> : null}
    </>
  );
}
