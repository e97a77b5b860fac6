import { readFileSync } from 'node:fs';
import { TrainingRun } from '../src/engine/train/trainingRun';
import { makeCoherent } from '../src/lab/coherence';
import { toWorkerSetup } from '../src/lab/settings';
import { parseLesson } from '../src/lessons/parseLesson';
import { runSettings } from '../src/lessons/runSettings';
import type { Experiment } from '../src/lessons/schema';
import { nodeDatasetLoader } from '../test/lessons/headlessLessons';

/** Experiment `id` of the lesson in `file`, as the lesson page reads it. */
export function readExperiment(file: string, id: string): Experiment {
  const lesson = parseLesson(readFileSync(file, 'utf8'), file);
  const segment = lesson.segments.find((s) => s.kind === 'experiment' && s.id === id);
  if (segment?.kind !== 'experiment') throw new Error(`${file}: no experiment '${id}'`);
  return segment.data;
}

/** The experiment's runs, each set up as its browser worker sets it up (coherent settings, training split). */
export async function experimentTrainingRuns(
  experiment: Experiment,
): Promise<{ label: string; run: TrainingRun }[]> {
  const runs = [];
  for (let r = 0; r < experiment.runs.length; r++) {
    const setup = toWorkerSetup(makeCoherent(runSettings(experiment, r)).settings, 0);
    const { train } = await nodeDatasetLoader(setup.dataset);
    runs.push({ label: experiment.runs[r]!.label, run: new TrainingRun(setup.config, train) });
  }
  return runs;
}
