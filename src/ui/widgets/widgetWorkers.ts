import { createContext, useContext } from 'react';
import { createProbeWorker } from '../../runs/workerFactory';
import { createSweepWorker, type SweepWorkerFactory } from '../../worker/sweepClient';
import type { RunWorkerFactory } from '../../worker/workerClient';

/**
 * Where widgets get their workers: the depth probe asks a training worker (its 'depthProbe' message),
 * the depth sweep has a worker of its own. Tests provide fakes through this context.
 */
export interface WidgetWorkers {
  readonly probe: RunWorkerFactory;
  readonly sweep: SweepWorkerFactory;
}

export const DEFAULT_WIDGET_WORKERS: WidgetWorkers = {
  probe: () => createProbeWorker(),
  sweep: () => createSweepWorker(),
};

export const WidgetWorkersContext = createContext<WidgetWorkers>(DEFAULT_WIDGET_WORKERS);

export function useWidgetWorkers(): WidgetWorkers {
  return useContext(WidgetWorkersContext);
}
