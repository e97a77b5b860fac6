/**
 * What the training worker's session loop (src/worker/trainingSession.ts) costs in CPU time, in Node:
 * the session is driven exactly as the worker drives it, but its clock is this process's CPU time, so
 * its pacing (snapshots, probes, validation, views) and every figure here are what an idle core would
 * see, whatever else the machine is doing. Used by `npm run bench:ui -- --session` (the Lab's mlp-bn
 * run against the plain engine loop) and `npm run bench:lessons -- --cpu` (every lesson experiment).
 */
import { loadMnistNode } from '../src/data/loadMnistNode';
import { TrainingRun } from '../src/engine/train/trainingRun';
import type { LabRunSettings } from '../src/lab/labSettings';
import { toWorkerSetup } from '../src/lab/settings';
import { createDatasetLoader } from '../src/worker/loadDataset';
import type { FromWorker, ToWorker } from '../src/worker/protocol';
import { TrainingSession } from '../src/worker/trainingSession';

const loadDataset = createDatasetLoader((resolution, standardize) =>
  Promise.resolve(loadMnistNode(resolution, { standardize })),
);

/** This process's CPU time in milliseconds (user + system). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Where a session's CPU time went, in milliseconds. */
export interface SessionCost {
  readonly steps: number;
  readonly totalMs: number;
  /** Training steps without probes. */
  readonly plainStepMs: number;
  readonly plainSteps: number;
  /** Training steps with probes (the step and its probes). */
  readonly probedStepMs: number;
  readonly probedSteps: number;
  readonly validationMs: number;
  readonly validations: number;
  /** Building and posting snapshots (decision boundary or digit predictions included). */
  readonly snapshotMs: number;
  readonly snapshots: number;
  /** The learner's error message when the run stopped with one (as a lesson may show on purpose). */
  readonly error?: string;
}

type Timed = { ms: number; count: number };

/** Wraps `object[key]` (a method) so its CPU time and calls add up in `into`; returns the undo. */
function timeMethod(object: object, key: string, into: (args: unknown[]) => Timed): () => void {
  const target = object as Record<string, (...args: unknown[]) => unknown>;
  const original = target[key];
  if (typeof original !== 'function') throw new Error(`sessionCost: no method ${key}`);
  target[key] = function (this: unknown, ...args: unknown[]) {
    const started = cpuMs();
    try {
      return original.apply(this, args);
    } finally {
      const sink = into(args);
      sink.ms += cpuMs() - started;
      sink.count++;
    }
  };
  return () => {
    target[key] = original;
  };
}

/**
 * Trains `settings` for `steps` steps in a TrainingSession as a lesson experiment ('step', with the
 * lesson's validation schedule) or as the Lab does ('train' to that step, validation on the worker's
 * own schedule), detail 'full', the whole share of a core; returns where the CPU time went.
 */
export async function sessionCost(
  settings: LabRunSettings,
  steps: number,
  how:
    | { readonly mode: 'lab' }
    | {
        readonly mode: 'lesson';
        readonly validationEvery: number;
        /** Whether the block charts the boundary or digits (the page tells the worker, 'setViews'). */
        readonly views: boolean;
        /** The fewest steps between probed steps its charts need ('setProbeSpacing'). */
        readonly probeSpacing: number;
      },
): Promise<SessionCost> {
  const plain: Timed = { ms: 0, count: 0 };
  const probed: Timed = { ms: 0, count: 0 };
  const validation: Timed = { ms: 0, count: 0 };
  const snapshot: Timed = { ms: 0, count: 0 };
  const undo = [
    timeMethod(TrainingRun.prototype, 'step', (args) => {
      const options = args[0] as { probe?: boolean } | undefined;
      return options?.probe ? probed : plain;
    }),
    timeMethod(TrainingSession.prototype, 'advanceValidation', () => validation),
    timeMethod(TrainingSession.prototype, 'postSnapshot', () => snapshot),
  ];
  try {
    let stopped = false;
    let failure: string | undefined;
    let lastStep = 0;
    let validations = 0;
    const session = new TrainingSession({
      post: (message: FromWorker) => {
        if (message.type === 'error') failure = message.message;
        // A diverging or refused lesson run stops early, as it does in the browser.
        if (message.type === 'error' || message.type === 'diverged') stopped = true;
        if (message.type === 'snapshot') lastStep = message.step;
        if (message.type === 'snapshot' && message.validation) validations++;
      },
      loadDataset,
      now: cpuMs,
      // The rests are wall-clock waits, which cost no CPU: run the next slice at once.
      schedule: (task) => void setImmediate(task),
    });
    const setup =
      how.mode === 'lesson'
        ? toWorkerSetup(settings, 0, how.validationEvery)
        : toWorkerSetup(settings, 0);
    await session.handle({ type: 'configure', setup });
    if (how.mode === 'lesson') {
      await session.handle({ type: 'setViews', views: how.views });
      await session.handle({ type: 'setProbeSpacing', steps: how.probeSpacing });
    }
    const begin: ToWorker =
      how.mode === 'lesson'
        ? { type: 'step', count: steps }
        : { type: 'train', until: { count: steps, unit: 'steps' } };
    // The untrained network's validation (sent on configure) is not part of the training.
    plain.ms = probed.ms = validation.ms = snapshot.ms = 0;
    plain.count = probed.count = validation.count = snapshot.count = 0;
    validations = 0;
    const started = cpuMs();
    await session.handle(begin);
    // Done when the session has stopped and validated its last step (or the run stopped early).
    const busy = (): boolean =>
      session.isRunning ||
      (session as unknown as { validation?: unknown }).validation !== undefined;
    while (!stopped && (busy() || lastStep < steps)) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const totalMs = cpuMs() - started;
    return {
      steps,
      totalMs,
      plainStepMs: plain.ms,
      plainSteps: plain.count,
      probedStepMs: probed.ms,
      probedSteps: probed.count,
      validationMs: validation.ms,
      validations,
      snapshotMs: snapshot.ms,
      snapshots: snapshot.count,
      ...(failure !== undefined ? { error: failure } : {}),
    };
  } finally {
    for (const u of undo) u();
  }
}

/** The plain engine loop for the same run: `steps` steps, no probes, no validation; CPU ms per step. */
export async function engineStepMs(settings: LabRunSettings, steps: number): Promise<number> {
  const setup = toWorkerSetup(settings, 0);
  const { train } = await loadDataset(setup.dataset);
  const run = new TrainingRun(setup.config, train);
  run.step();
  const started = cpuMs();
  for (let i = 0; i < steps; i++) run.step();
  return (cpuMs() - started) / steps;
}
