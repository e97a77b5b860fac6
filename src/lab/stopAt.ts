/**
 * "Stop at": a step or epoch count at which training stops by itself, so a fast run does not race
 * past the moment a demo is about (TensorFlow Playground has no such thing; a lecture needs it). The
 * Lab keeps one target for all its runs, in its link beside the runs:
 *
 *   #/lab?a.data=…&stop=200            every run stops at step 200
 *   #/lab?a.data=…&stop=3&stopunit=epochs   every run stops after its third pass over the data
 *
 * The values are written, parsed and named by the settings registry's own helpers, so a bad link
 * gets the same kind of notice as a bad setting ("stop=abc is not a whole number from 1 to …").
 * The worker receives the target with `train` (src/worker/protocol.ts) and stops there.
 */
import { choice, numeric } from './settingsRegistry';
import { formatCount } from './formatNumber';

export const STOP_UNITS = ['steps', 'epochs'] as const;
export type StopUnit = (typeof STOP_UNITS)[number];

export interface StopAt {
  readonly count: number;
  readonly unit: StopUnit;
}

export const STOP_PARAM = 'stop';
export const STOP_UNIT_PARAM = 'stopunit';

/**
 * The furthest target: a hundred thousand steps is minutes of the fastest 2-D run, far past where
 * any curve here still changes; ten thousand epochs likewise (an MNIST epoch is hundreds of steps).
 */
export const STOP_LIMITS: Readonly<Record<StopUnit, number>> = { steps: 100_000, epochs: 10_000 };

/** The two values of a target, as the registry describes a setting's values. */
export const STOP_AT_VALUES = {
  count: {
    steps: numeric(STOP_PARAM, 1, STOP_LIMITS.steps, 'integer'),
    epochs: numeric(STOP_PARAM, 1, STOP_LIMITS.epochs, 'integer'),
  },
  unit: choice(STOP_UNIT_PARAM, STOP_UNITS, { steps: 'steps', epochs: 'epochs' }),
} as const;

export const STOP_AT_LABEL = 'Stop at';
export const STOP_AT_HINT =
  'Every run pauses by itself at this many steps or epochs; "Never" trains until you pause.';

/** "200 steps", "1 epoch". */
export function describeStopAt(stop: StopAt): string {
  const unit = stop.count === 1 ? stop.unit.slice(0, -1) : stop.unit;
  return `${formatCount(stop.count)} ${unit}`;
}

/** The step at which a run stops: an epoch is ⌊training samples / batch size⌋ steps (no partial batch). */
export function stopStep(stop: StopAt, batchesPerEpoch: number): number {
  return stop.unit === 'steps' ? stop.count : stop.count * batchesPerEpoch;
}

/** Whether a run at this step and epoch has reached the target. */
export function reachedStop(
  stop: StopAt | null,
  at: { readonly step: number; readonly epoch: number },
): boolean {
  if (!stop) return false;
  return (stop.unit === 'steps' ? at.step : at.epoch) >= stop.count;
}

/** The target's part of a link's query, '' for none. */
export function encodeStopAt(stop: StopAt | null): string {
  if (!stop) return '';
  const count = `${STOP_PARAM}=${stop.count}`;
  return stop.unit === 'steps' ? count : `${count}&${STOP_UNIT_PARAM}=${stop.unit}`;
}

export interface StopAtProblem {
  readonly param: string;
  readonly message: string;
}

/**
 * Reads a target from a link's `stop` and `stopunit` texts (undefined when absent). Never throws: a
 * value it cannot use is reported and the runs train until paused (or count in steps).
 */
export function parseStopAt(
  countText: string | undefined,
  unitText: string | undefined,
): { stopAt: StopAt | null; problems: StopAtProblem[] } {
  const problems: StopAtProblem[] = [];
  const shown = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
  let unit: StopUnit = 'steps';
  if (unitText !== undefined) {
    const parsed = STOP_AT_VALUES.unit.schema.safeParse(unitText.trim());
    if (parsed.success) unit = parsed.data;
    else {
      problems.push({
        param: STOP_UNIT_PARAM,
        message: `${STOP_UNIT_PARAM}=${shown(unitText)} is not ${STOP_AT_VALUES.unit.allowed}; counted in steps`,
      });
    }
  }
  if (countText === undefined) {
    if (unitText !== undefined) {
      problems.push({
        param: STOP_UNIT_PARAM,
        message: `${STOP_UNIT_PARAM}=${shown(unitText)} comes without ${STOP_PARAM}=<count>; the runs train until paused`,
      });
    }
    return { stopAt: null, problems };
  }
  const values = STOP_AT_VALUES.count[unit];
  const parsed = countText.length > 64 ? undefined : values.schema.safeParse(countText);
  if (parsed?.success) return { stopAt: { count: parsed.data, unit }, problems };
  problems.push({
    param: STOP_PARAM,
    message: `${STOP_PARAM}=${shown(countText)} is not ${values.allowed} (${unit}); the runs train until paused`,
  });
  return { stopAt: null, problems };
}
