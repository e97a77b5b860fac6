import type { RunConfig } from '../engine/train/runConfig';
import { VALIDATION_SAMPLES } from '../engine/train/trainingRun';
import { toWorkerSetup } from '../lab/settings';
import type { LabRunSettings } from '../lab/labSettings';
import type { DatasetChoice } from '../lab/datasets';

/** The Lab validates every 50 steps or more; an export validates every 50. */
export const LAB_VALIDATION_EVERY = 50;
/** `python3 train.py` without --steps trains a Lab run this long (a lesson experiment: its own steps). */
export const LAB_EXPORT_STEPS = 1000;
/** Validation looks at the first 1,000 test samples, as the app's worker and the lesson tests do. */
export const EXPORT_VALIDATION_SAMPLES = VALIDATION_SAMPLES;

/**
 * Everything an export reproduces: the engine's run config, the data it trains on and how it
 * validates, plus the words the README and the script's docstring use to say what run this is.
 */
export interface ExportSetup {
  readonly config: RunConfig;
  readonly dataset: DatasetChoice;
  readonly validationMode: 'eval' | 'train';
  readonly validationEvery: number;
  /** Default training length of the script. */
  readonly steps: number;
  /** "Lab run A" or "Lesson 3, experiment 'bn-vs-plain', run 'BatchNorm'". */
  readonly title: string;
  /** A link that opens the same run in the app, when there is one. */
  readonly link?: string;
}

export function exportSetupOf(
  settings: LabRunSettings,
  about: {
    title: string;
    link?: string;
    steps?: number;
    validationEvery?: number;
  },
): ExportSetup {
  const setup = toWorkerSetup(settings, 0);
  return {
    config: setup.config,
    dataset: setup.dataset,
    validationMode: setup.validationMode,
    validationEvery: about.validationEvery ?? LAB_VALIDATION_EVERY,
    steps: about.steps ?? LAB_EXPORT_STEPS,
    title: about.title,
    ...(about.link !== undefined ? { link: about.link } : {}),
  };
}
