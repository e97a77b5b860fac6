/**
 * `npx tsx bench/fold.ts`: what folding BatchNorm saves at inference (issue 16, lesson 6). Trains
 * lesson 6's "fold-trained" network (a 4-layer BatchNorm MLP on the 14×14 digits) and the Lab's
 * residual CNN with BatchNorm for a few steps, folds each as the Fold BatchNorm button does
 * (measureFold), and prints the eval-pass time over 1,000 test images before and after: each round
 * is the best of a few passes of each network, one after the other, and the figure is the median of 5
 * rounds.
 * Timings depend on the machine and its load; the ratio is what to read.
 */
import { cpus, loadavg } from 'node:os';
import { measureFold } from '../src/engine/train/batchNormAfterTraining';
import { TrainingRun } from '../src/engine/train/trainingRun';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../src/lab/labSettings';
import { toWorkerSetup } from '../src/lab/settings';
import { nodeDatasetLoader } from '../scripts/nodeDatasets';

/** Each network with the passes of each round (a CNN pass over 1,000 images is far slower). */
const NETWORKS: Record<string, { settings: Partial<LabRunSettings>; passes: number }> = {
  "lesson 6 'fold-trained': MLP 4 × 64, BatchNorm": {
    passes: 20,
    settings: {
      dataset: 'mnist14',
      architecture: 'mlp',
      depth: 4,
      width: 64,
      norm: 'batchNorm',
      learningRate: 0.05,
      batchSize: 64,
    },
  },
  'residual CNN, 2 blocks, BatchNorm': {
    passes: 3,
    settings: {
      dataset: 'mnist14',
      architecture: 'cnn',
      depth: 2,
      norm: 'batchNorm',
      learningRate: 0.05,
      batchSize: 32,
    },
  },
};
const ROUNDS = 5;
const TRAINING_STEPS = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

console.log(`fold bench: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
for (const [name, { settings, passes }] of Object.entries(NETWORKS)) {
  const setup = toWorkerSetup({ ...DEFAULT_RUN_SETTINGS, ...settings }, 0);
  const { train, test } = await nodeDatasetLoader(setup.dataset);
  const run = new TrainingRun(setup.config, train);
  for (let s = 0; s < TRAINING_STEPS; s++) run.step();
  const reports = Array.from({ length: ROUNDS }, () =>
    measureFold(run, test, () => performance.now(), passes),
  );
  const before = median(reports.map((r) => r.msBefore));
  const after = median(reports.map((r) => r.msAfter));
  const r = reports[0]!;
  console.log(
    `${name}: ${r.layersBefore} → ${r.layersAfter} layers, largest logit difference ${r.maxDifference.toExponential(1)}; ` +
      `eval pass over ${r.samples} images ${before.toFixed(2)} ms → ${after.toFixed(2)} ms (×${(before / after).toFixed(2)} faster)`,
  );
}
