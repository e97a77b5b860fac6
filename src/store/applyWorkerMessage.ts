import type { FromWorker } from '../worker/protocol';
import { appendBounded } from './boundedList';
import { MAX_PROBE_HISTORY, MAX_VALIDATION_POINTS, type LabRun } from './labRun';
import { appendLosses } from './lossHistory';

/**
 * How a run's state changes with one message from its worker. Pure, so the whole protocol is tested
 * without a worker. Depth-probe replies are not run state; the store routes them elsewhere.
 */
export function applyWorkerMessage(run: LabRun, message: FromWorker): LabRun {
  // An error is news whenever it comes (a new configuration can fail before it is ever ready).
  if (run.awaitingReady && message.type !== 'ready' && message.type !== 'error') return run;
  switch (message.type) {
    case 'ready':
      return {
        ...run,
        ready: true,
        awaitingReady: false,
        dataset: message.dataset,
        parameterCount: message.parameterCount,
        layers: message.layers,
      };
    case 'status':
      if (message.running) return { ...run, status: 'running', message: undefined };
      // Diverged and error are final until a reset; otherwise stopping means paused.
      if (run.status === 'diverged' || run.status === 'error') return run;
      return { ...run, status: run.step > 0 ? 'paused' : 'idle' };
    case 'snapshot': {
      const status = run.status === 'idle' && message.step > 0 ? 'paused' : run.status;
      return {
        ...run,
        status,
        step: message.step,
        epoch: message.epoch,
        stepsPerSecond: message.stepsPerSecond,
        history: appendLosses(run.history, message.steps, message.losses, message.accuracies),
        validation: message.validation
          ? appendBounded(run.validation, message.validation, MAX_VALIDATION_POINTS)
          : run.validation,
        probes: message.probes ?? run.probes,
        probeHistory: message.probes
          ? appendBounded(run.probeHistory, message.probes, MAX_PROBE_HISTORY)
          : run.probeHistory,
        boundary: message.boundary ?? run.boundary,
        digits: message.digits ?? run.digits,
      };
    }
    case 'diverged':
      return {
        ...run,
        status: 'diverged',
        divergedAt: message.step,
        message: message.reason,
        stepsPerSecond: 0,
      };
    case 'error':
      return { ...run, status: 'error', message: message.message, stepsPerSecond: 0 };
    case 'depthProbe':
    case 'depthProbeError':
      return run;
  }
}
