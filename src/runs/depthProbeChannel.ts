import type { DepthProbeOptions, DepthProbeResult } from '../engine/probes/depthProbe';
import type { RunWorker } from '../worker/workerClient';
import { LatestRequest } from './latestRequest';
import { createProbeWorker } from './workerFactory';

/** What the channel hears back; `busy` says whether a newer request is still being computed. */
export type DepthProbeEvent<T> =
  | {
      readonly type: 'result';
      readonly request: T;
      readonly result: DepthProbeResult;
      readonly busy: boolean;
    }
  /** The worker refused the request (options it cannot measure). */
  | { readonly type: 'refused'; readonly message: string; readonly busy: boolean }
  /** The worker crashed; a fresh one is asked for the newest request, unless that one crashed it. */
  | { readonly type: 'crashed'; readonly message: string; readonly busy: boolean };

export interface DepthProbeChannelOptions<T> {
  /** What the worker is asked to measure for a request. */
  readonly toOptions: (request: T) => DepthProbeOptions;
  readonly onEvent: (event: DepthProbeEvent<T>) => void;
  /** Where the worker comes from (src/runs/workerFactory.ts unless a caller has its own). */
  readonly createWorker?: () => RunWorker;
}

/**
 * Depth probes of a view (the Lab's "Signal at initialization" panel, the lessons' depth-probe widget
 * and quiz charts), answered by a worker of their own so they never wait behind a run's training.
 * The latest request wins (LatestRequest): at most one is computed at a time and only the newest
 * waits, so typing a depth or dragging a slider never builds a backlog. The worker is created on
 * the first request, and restarted after a crash.
 */
export class DepthProbeChannel<T> {
  private worker: RunWorker | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly sent = new Map<number, T>();
  private readonly latest: LatestRequest<T>;
  /** The request in flight when the worker last crashed: asked again once, never twice. */
  private crashedOn: T | undefined;

  constructor(private readonly options: DepthProbeChannelOptions<T>) {
    this.latest = new LatestRequest<T>((id, request) => {
      this.sent.set(id, request);
      this.workerOf().send({ type: 'depthProbe', id, options: options.toOptions(request) });
    });
  }

  /** Asks for `request` now, or as soon as the one being computed is answered. */
  request(request: T): void {
    this.latest.request(request);
  }

  /** True while a request is being computed. */
  get busy(): boolean {
    return this.latest.busy;
  }

  /** Terminates the worker; nothing more is heard. */
  close(): void {
    this.unsubscribe?.();
    this.worker?.terminate();
    this.worker = undefined;
    this.unsubscribe = undefined;
  }

  private workerOf(): RunWorker {
    if (this.worker) return this.worker;
    const worker = (this.options.createWorker ?? createProbeWorker)();
    this.unsubscribe = worker.onMessage((message) => {
      const emit = this.options.onEvent;
      if (message.type === 'depthProbe') {
        const request = this.sent.get(message.id);
        if (request === undefined) return;
        this.sent.delete(message.id);
        this.crashedOn = undefined;
        this.latest.settle(message.id);
        emit({ type: 'result', request, result: message.result, busy: this.busy });
      } else if (message.type === 'depthProbeError') {
        if (!this.sent.delete(message.id)) return;
        this.latest.settle(message.id);
        emit({ type: 'refused', message: message.message, busy: this.busy });
      } else if (message.type === 'error') {
        this.sent.clear();
        worker.restart();
        const crashed = this.latest.inFlight;
        if (crashed !== undefined && crashed === this.crashedOn) {
          // It crashed a fresh worker too: asking again would only crash the next one.
          this.latest.forget();
        } else {
          this.crashedOn = crashed;
          this.latest.resend();
        }
        emit({ type: 'crashed', message: message.message, busy: this.busy });
      }
    });
    this.worker = worker;
    return worker;
  }
}
