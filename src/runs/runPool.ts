import type { LabRunSettings } from '../lab/labSettings';
import { toWorkerSetup } from '../lab/settings';
import type { FromWorker, SnapshotDetail, ToWorker } from '../worker/protocol';
import type { RunWorker } from '../worker/workerClient';
import { availableCores, cpuShareFor, ownSlowdownFor } from './cpuShare';
import { createBatcher, type Batcher } from './messageBatching';
import { createTrainingWorker } from './workerFactory';

/** A message from the worker of the run at `key`. */
export type PooledMessage<K> = readonly [key: K, message: FromWorker];

export interface RunPoolOptions<K> {
  /** Applies a batch of worker messages, in arrival order (see messageBatching.ts). */
  readonly apply: (batch: PooledMessage<K>[]) => void;
  /** How long a message that does not lead waits for one that does. */
  readonly windowMs?: number;
  /**
   * Whether a message is applied at once (with everything waiting); by default a status change
   * leads (a run finished or paused is shown without waiting for the window), no snapshot does.
   */
  readonly leads?: (key: K, message: FromWorker) => boolean;
  /** The cores the training runs leave to the page (cpuShare.ts); RESERVED_CORES by default. */
  readonly reservedCores?: number;
}

interface Slot {
  readonly worker: RunWorker;
  readonly unsubscribe: () => void;
  /** The settings the worker was last configured with, until a crash loses them. */
  settings: LabRunSettings | undefined;
  /** The snapshot detail this worker was last told (a new worker sends full detail). */
  detail: SnapshotDetail;
  /** The share of a core this worker was last told (a new worker uses a whole core). */
  cpuShare: number;
  /** The slowdown its own page explains that it was last told (cpuShare.ts's ownSlowdownFor). */
  ownSlowdown: number;
}

/**
 * The workers of a set of runs, one per run, keyed by whatever names a run to its owner (an id in the
 * Lab, a place in a lesson's experiment). The pool creates, configures, restarts after a crash and
 * terminates them, remembers what each was last told so nothing is sent twice, shares the cores among
 * the runs that train, and hands their messages back in batches. Run state is not kept here: the
 * owner applies the batches to its runs (src/runs/runState.ts).
 */
export class RunPool<K> {
  private readonly slots = new Map<K, Slot>();
  /**
   * Messages for runs whose worker is not configured yet (none created, or restarted after a crash),
   * in order: a worker with no run would ignore a Train, so they wait for the run's next configure.
   */
  private readonly waiting = new Map<K, ToWorker[]>();
  private readonly incoming: Batcher<PooledMessage<K>>;

  constructor(private readonly options: RunPoolOptions<K>) {
    this.incoming = createBatcher(options.apply, options.windowMs);
  }

  has(key: K): boolean {
    return this.slots.has(key);
  }

  /** Whether the run has a worker, and it crashed (the next configure brings up a fresh one). */
  crashed(key: K): boolean {
    return this.slots.get(key)?.worker.crashed ?? false;
  }

  /** The settings the run's live worker was built with, or undefined (none yet, or lost in a crash). */
  configuredWith(key: K): LabRunSettings | undefined {
    return this.slots.get(key)?.settings;
  }

  /** The run's worker, created and subscribed if it has none; a crashed one is restarted. */
  private slotOf(key: K): Slot {
    let slot = this.slots.get(key);
    if (!slot) {
      const worker = createTrainingWorker();
      const unsubscribe = worker.onMessage((message) =>
        this.incoming.push(
          [key, message],
          this.options.leads?.(key, message) ?? message.type === 'status',
        ),
      );
      slot = {
        worker,
        unsubscribe,
        settings: undefined,
        detail: 'full',
        cpuShare: 1,
        ownSlowdown: 1,
      };
      this.slots.set(key, slot);
    } else if (slot.worker.crashed) {
      // A fresh worker starts with no run, full detail and a whole core again.
      slot.worker.restart();
      slot.settings = undefined;
      slot.detail = 'full';
      slot.cpuShare = 1;
      slot.ownSlowdown = 1;
    }
    return slot;
  }

  /**
   * Builds the run from `settings` in its worker (creating or restarting the worker as needed), at
   * `speed` steps a second (0: as fast as it can), validating every `validationEvery` steps if given.
   */
  configure(key: K, settings: LabRunSettings, speed: number, validationEvery?: number): void {
    const slot = this.slotOf(key);
    slot.worker.send({ type: 'configure', setup: toWorkerSetup(settings, speed, validationEvery) });
    slot.settings = settings;
    const waiting = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    for (const message of waiting) slot.worker.send(message);
  }

  /** Makes sure the run has a live worker (created, or restarted after a crash). */
  ensure(key: K): void {
    this.slotOf(key);
  }

  /**
   * Sends a message to the run's worker; to a run whose worker has no configuration yet (none created,
   * or restarted after a crash), when its next configure has gone out. A learner's Train pressed
   * while the run waits for its data is never lost.
   */
  send(key: K, message: ToWorker): void {
    const slot = this.slots.get(key);
    if (slot?.settings !== undefined) {
      slot.worker.send(message);
      return;
    }
    const waiting = this.waiting.get(key);
    if (waiting) waiting.push(message);
    else this.waiting.set(key, [message]);
  }

  sendAll(message: ToWorker): void {
    for (const slot of this.slots.values()) slot.worker.send(message);
  }

  /** Sends `detail` to the run's worker unless it already has it. */
  setDetail(key: K, detail: SnapshotDetail): void {
    const slot = this.slots.get(key);
    if (!slot || slot.detail === detail) return;
    slot.worker.send({ type: 'setDetail', detail });
    slot.detail = detail;
  }

  /**
   * Tells every worker its share of a core while `training` of the runs train, so together they
   * leave the page the cores it needs to draw with (cpuShare.ts). Workers that already have it hear nothing.
   */
  shareCores(training: number): void {
    const cores = availableCores();
    const share = cpuShareFor(training, cores, this.options.reservedCores);
    const ownSlowdown = ownSlowdownFor(training, cores, this.options.reservedCores);
    for (const slot of this.slots.values()) {
      if (slot.cpuShare === share && slot.ownSlowdown === ownSlowdown) continue;
      slot.worker.send({ type: 'setCpuShare', share, ownSlowdown });
      slot.cpuShare = share;
      slot.ownSlowdown = ownSlowdown;
    }
  }

  /**
   * Terminates the run's worker; its messages still waiting are applied as usual, and those the page
   * had for it are dropped with it.
   */
  stop(key: K): void {
    this.waiting.delete(key);
    const slot = this.slots.get(key);
    if (!slot) return;
    slot.unsubscribe();
    slot.worker.terminate();
    this.slots.delete(key);
  }

  /** Terminates every worker; their messages still waiting are applied as usual. */
  stopAll(): void {
    for (const key of [...this.slots.keys()]) this.stop(key);
    // Messages queued for a run whose worker was never configured have no slot for `stop` to clear.
    this.waiting.clear();
  }

  /** Drops the messages still waiting to be applied (the runs they belong to are gone). */
  dropWaiting(): void {
    this.incoming.clear();
  }
}
