import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { depthProbe } from '../../../src/engine/probes/depthProbe';
import { setProbeWorkerFactory, setSweepWorkerFactory } from '../../../src/runs/workerFactory';
import type { FromWorker, ToWorker } from '../../../src/worker/protocol';
import type { FromSweepWorker, ToSweepWorker } from '../../../src/worker/sweepProtocol';
import type { SweepWorker } from '../../../src/worker/sweepClient';
import type { RunWorker } from '../../../src/worker/workerClient';

/** A training worker that records what it is sent; the test decides when and what it answers. */
export class FakeProbeWorker implements RunWorker {
  readonly sent: ToWorker[] = [];
  crashed = false;
  restarts = 0;
  terminated = false;
  private readonly listeners = new Set<(message: FromWorker) => void>();

  send(message: ToWorker): void {
    this.sent.push(message);
  }
  onMessage(callback: (message: FromWorker) => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  restart(): void {
    this.restarts++;
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(message: FromWorker): void {
    for (const listener of [...this.listeners]) listener(message);
  }
  probeRequests(): Extract<ToWorker, { type: 'depthProbe' }>[] {
    return this.sent.filter(
      (m): m is Extract<ToWorker, { type: 'depthProbe' }> => m.type === 'depthProbe',
    );
  }
  /** Answers request `index` as the real worker would: with the engine's own depth probe. */
  answer(index: number): void {
    const request = this.probeRequests()[index];
    if (!request) throw new Error(`no depth-probe request #${index}`);
    this.emit({ type: 'depthProbe', id: request.id, result: depthProbe(request.options) });
  }
}

export class FakeSweepWorker implements SweepWorker {
  readonly sent: ToSweepWorker[] = [];
  terminated = false;
  private readonly listeners = new Set<(message: FromSweepWorker) => void>();

  send(message: ToSweepWorker): void {
    this.sent.push(message);
  }
  onMessage(callback: (message: FromSweepWorker) => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(message: FromSweepWorker): void {
    for (const listener of [...this.listeners]) listener(message);
  }
}

// The app's own workers again after each test (renderWithWorkers points the factories at fakes).
afterEach(() => {
  setProbeWorkerFactory(undefined);
  setSweepWorkerFactory(undefined);
});

/**
 * Renders `ui` with fake workers (through src/runs/workerFactory, the app's one worker seam);
 * `probe()` / `sweep()` return the newest fake of each kind.
 */
export function renderWithWorkers(ui: ReactElement): RenderResult & {
  probe: () => FakeProbeWorker;
  sweep: () => FakeSweepWorker;
  probes: FakeProbeWorker[];
} {
  const probes: FakeProbeWorker[] = [];
  const sweeps: FakeSweepWorker[] = [];
  setProbeWorkerFactory(() => {
    const w = new FakeProbeWorker();
    probes.push(w);
    return w;
  });
  setSweepWorkerFactory(() => {
    const w = new FakeSweepWorker();
    sweeps.push(w);
    return w;
  });
  const result = render(ui);
  const newest = <T,>(list: T[], kind: string): T => {
    const w = list[list.length - 1];
    if (!w) throw new Error(`no ${kind} worker was created`);
    return w;
  };
  return {
    ...result,
    probes,
    probe: () => newest(probes, 'probe'),
    sweep: () => newest(sweeps, 'sweep'),
  };
}
