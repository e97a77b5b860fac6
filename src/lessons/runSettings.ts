/**
 * The settings of an experiment's runs, apart from the lesson schema (schema.ts): the lesson page
 * needs only this, and importing schema.ts there built its 52 zod schemas, which only the build and
 * the tests use to validate lessons, in the task that evaluated the page's code.
 */
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../lab/labSettings';
import type { Experiment } from './schema';

/** The settings of one run of an experiment: Lab defaults, then `base`, then the run's own. */
export function runSettings(experiment: Experiment, runIndex: number): LabRunSettings {
  const run = experiment.runs[runIndex];
  if (!run) throw new Error(`experiment '${experiment.title}' has no run ${runIndex}`);
  return { ...DEFAULT_RUN_SETTINGS, ...experiment.base, ...run.settings };
}
