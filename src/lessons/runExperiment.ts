/**
 * Runs a lesson experiment without a UI: every run of it, step by step, with validation as the Lab
 * does, returning the histories the claim evaluator reads. The lesson tests use it in Node (to prove
 * each experiment shows what its text claims) and authors use it through `npm run lessons:run`.
 * Datasets come from the caller, so this module stays free of platform APIs.
 */
import type { ProbeSnapshot } from '../engine/probes/probe';
import { foldRunRefusal } from '../engine/train/batchNormAfterTraining';
import { TrainingRun, VALIDATION_SAMPLES } from '../engine/train/trainingRun';
import { toWorkerSetup } from '../lab/settings';
import { measureAfterTraining } from '../worker/afterTraining';
import type { DatasetLoader } from '../worker/loadDataset';
import type { AfterTrainingRequest } from '../worker/protocol';
import { afterTrainingRequests } from './afterTrainingRequests';
import { evaluateClaim, type ClaimVerdict, type RunHistory } from './claims';
import type { AfterTrainingHistory } from './internalClaims';
import { runSettings } from './runSettings';
import type { Experiment } from './schema';

type Measured = ReturnType<typeof measureAfterTraining>;
type MutableHistory = { -readonly [K in keyof AfterTrainingHistory]: AfterTrainingHistory[K] };

/** Puts what an operation measured where the claims read it. */
function record(after: MutableHistory, result: Measured): void {
  const { step } = result;
  if (result.kind === 'fold') after.fold = { step, report: result.report };
  if (result.kind === 'recalibrate') after.recalibration = { step, report: result.report };
  if (result.kind === 'fineTune') after.fineTune = { step, report: result.report };
  if (result.kind === 'average') after.averaging = { step, report: result.report };
}

const changesTheRun = (request: AfterTrainingRequest): boolean =>
  request.type === 'recalibrateBatchNorm';

export interface ExperimentResult {
  readonly runs: readonly RunHistory[];
  readonly verdict: ClaimVerdict | undefined;
}

export async function runExperiment(
  experiment: Experiment,
  loadDataset: DatasetLoader,
  options: { steps?: number } = {},
): Promise<ExperimentResult> {
  const steps = options.steps ?? experiment.steps;
  const runs: RunHistory[] = [];
  for (let r = 0; r < experiment.runs.length; r++) {
    const settings = runSettings(experiment, r);
    const setup = toWorkerSetup(settings, 0);
    const { train, test } = await loadDataset(setup.dataset);
    const run = new TrainingRun(setup.config, train);
    const losses: number[] = [];
    const validation: { step: number; loss: number; accuracy: number }[] = [];
    let divergedAt: number | undefined;
    let finalProbe: ProbeSnapshot | undefined;
    const validate = () => {
      const v = run.evaluate(test, setup.validationMode, { limit: VALIDATION_SAMPLES });
      validation.push({ step: run.stepCount, loss: v.loss, accuracy: v.accuracy });
    };
    for (let s = 1; s <= steps; s++) {
      // The last step is probed, as the browser worker probes the last step of a "Run experiment".
      const result = run.step({ probe: s === steps });
      if (result.status === 'diverged') {
        divergedAt = result.step;
        break;
      }
      losses.push(result.loss);
      if (result.probes) finalProbe = result.probes;
      if (s % experiment.validationEvery === 0 || s === steps) validate();
    }
    // What the learner's buttons do once the runs have trained (the worker answers the same requests):
    // fold, fine-tuning and averaging first, since they change nothing in the run; a recalibrated run
    // is validated again.
    const after: MutableHistory = {};
    const operations = experiment.afterTraining;
    const batchNorm = setup.config.model.norm.kind === 'batchNorm';
    if (operations && batchNorm && divergedAt === undefined) {
      const data = { train, test };
      const requests = afterTrainingRequests(operations)
        .filter((request) => request.type !== 'foldBatchNorm' || foldRunRefusal(run) === null)
        .sort((a, b) => Number(changesTheRun(a)) - Number(changesTheRun(b)));
      for (const request of requests) {
        record(after, measureAfterTraining(run, data, request));
        if (changesTheRun(request)) validate();
      }
    }
    runs.push({
      label: experiment.runs[r]!.label,
      losses,
      validation,
      ...(divergedAt !== undefined ? { divergedAt } : {}),
      ...(finalProbe ? { finalProbe } : {}),
      ...(Object.keys(after).length > 0 ? { afterTraining: after } : {}),
    });
  }
  return { runs, verdict: experiment.claim ? evaluateClaim(experiment.claim, runs) : undefined };
}
