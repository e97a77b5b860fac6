/** What folding and recalibrating a run measured, in words: the Lab's run panel and lesson experiments show them. */
import type { InputShift } from '../../engine/data/shift';
import type { FoldReport, RecalibrationReport } from '../../engine/train/batchNormAfterTraining';
import type { AfterTrainingState } from '../../runs/runState';
import { formatNumber, formatPercent, formatStep } from '../charts/format';

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
      {report.parametersBefore.toLocaleString('en-US')} →{' '}
      {report.parametersAfter.toLocaleString('en-US')} stored numbers). On {report.samples} test
      samples the largest difference between the two networks&apos; logits is{' '}
      {formatNumber(report.maxDifference)} (the largest logit is {formatNumber(report.maxLogit)}):
      float32 rounding, so accuracy is {formatPercent(report.accuracyBefore)} before and{' '}
      {formatPercent(report.accuracyAfter)} after. One eval pass took{' '}
      {formatNumber(report.msBefore)} ms before and {formatNumber(report.msAfter)} ms after (best of
      3 in this tab; timings vary with what else the machine does).
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

/** A run's latest refusal, fold and recalibration, each shown when there is one. */
export function AfterTrainingOutcome({ state }: { readonly state: AfterTrainingState }) {
  const { fold, recalibration, refusal } = state;
  return (
    <>
      {refusal ? <p className="nl-field__error">{refusal.message}</p> : null}
      {fold ? <FoldResult step={fold.step} report={fold.report} /> : null}
      {recalibration ? (
        <RecalibrationResult step={recalibration.step} report={recalibration.report} />
      ) : null}
    </>
  );
}
