/**
 * The lesson files the claims tests run, parsed, and what the tests need to run their experiments
 * headless. NORMLAB_LESSONS_DIR points the tests at another folder (a sample lesson while the real
 * ones are being written); by default they read lessons/*.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import { parseLesson, type ParsedLesson } from '../../src/lessons/parseLesson';
import type { Experiment, Practice } from '../../src/lessons/schema';
import { createDatasetLoader, type DatasetLoader } from '../../src/worker/loadDataset';

export const LESSONS_DIR = process.env['NORMLAB_LESSONS_DIR'] ?? 'lessons';

/** Every lesson file (README.md documents the format and is not a lesson), parsed, in file order. */
export function readLessons(dir = LESSONS_DIR): ParsedLesson[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => {
      const file = join(dir, name);
      return parseLesson(readFileSync(file, 'utf8'), file);
    });
}

/** The lesson's id for test names, or its file when the front matter is broken. */
export function lessonName(lesson: ParsedLesson): string {
  return lesson.meta?.id ?? lesson.file;
}

/** MNIST from the committed binaries, 2-D sets generated: what the browser worker sees. */
export const nodeDatasetLoader: DatasetLoader = createDatasetLoader((resolution, standardize) =>
  Promise.resolve(loadMnistNode(resolution, { standardize })),
);

/** The experiment as a learner who did the practice's task would run it: each named run's settings changed. */
export function practiceExperiment(experiment: Experiment, practice: Practice): Experiment {
  return {
    ...experiment,
    runs: experiment.runs.map((run) => {
      const required = practice.requireSettings.filter((r) => r.run === run.label);
      return required.length === 0
        ? run
        : {
            ...run,
            settings: Object.assign({}, run.settings, ...required.map((r) => r.settings)),
          };
    }),
  };
}
