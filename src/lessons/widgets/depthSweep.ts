/**
 * The depth sweep: every configuration of the widget trained at every depth for the same number of
 * steps, to answer "how deep can this configuration go and still train?". This module plans the grid
 * and judges each cell; the training itself runs in the sweep worker (src/worker/sweepSession.ts).
 */
import { datasetInfo } from '../../lab/datasets';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../lab/labSettings';
import type { SweepCellResult } from '../../worker/sweepProtocol';
import type { Widget } from '../schema';

export type DepthSweepWidget = Extract<Widget, { widget: 'depthSweep' }>;

export interface SweepCell {
  readonly configIndex: number;
  readonly label: string;
  readonly depth: number;
  /** Lab defaults, then the configuration's settings, then the depth. */
  readonly settings: LabRunSettings;
}

/** Cells in table order: configuration by configuration, shallow to deep. */
export function sweepCells(widget: DepthSweepWidget): SweepCell[] {
  const depths = [...new Set(widget.depths)].sort((a, b) => a - b);
  return widget.configs.flatMap((config, configIndex) =>
    depths.map((depth) => ({
      configIndex,
      label: config.label,
      depth,
      settings: { ...DEFAULT_RUN_SETTINGS, ...config.settings, depth },
    })),
  );
}

/**
 * A cell "trained" when it did not diverge and its final smoothed loss is below this fraction of the
 * loss of guessing uniformly, ln(classes): clearly better than chance, not just a lucky batch.
 */
export const TRAINED_FRACTION_OF_CHANCE = 0.8;

export function chanceLoss(settings: LabRunSettings): number {
  return Math.log(datasetInfo(settings.dataset).numClasses);
}

export type CellOutcome = 'trained' | 'stalled' | 'diverged' | 'failed';

export function cellOutcome(cell: SweepCell, result: SweepCellResult): CellOutcome {
  if (result.error !== undefined) return 'failed';
  if (result.divergedAt !== undefined) return 'diverged';
  if (result.finalLoss === undefined) return 'stalled';
  return result.finalLoss <= TRAINED_FRACTION_OF_CHANCE * chanceLoss(cell.settings)
    ? 'trained'
    : 'stalled';
}

/**
 * The deepest depth at which the configuration trained, counting only depths whose result is in:
 * undefined when none of them trained (or none has finished).
 */
export function deepestTrained(
  cells: readonly SweepCell[],
  results: ReadonlyMap<number, SweepCellResult>,
  configIndex: number,
): number | undefined {
  let deepest: number | undefined;
  cells.forEach((cell, i) => {
    const result = results.get(i);
    if (cell.configIndex !== configIndex || !result) return;
    if (cellOutcome(cell, result) === 'trained' && (deepest === undefined || cell.depth > deepest))
      deepest = cell.depth;
  });
  return deepest;
}
