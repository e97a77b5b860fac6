import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { depthProbe } from '../../../src/engine/probes/depthProbe';
import { setProbeWorkerFactory, setSweepWorkerFactory } from '../../../src/runs/workerFactory';
import type { ToWorker } from '../../../src/worker/protocol';
import type { FromSweepWorker, ToSweepWorker } from '../../../src/worker/sweepProtocol';
import type { SweepWorker } from '../../../src/worker/sweepClient';
import { FakeRunWorker, FakeWorker, fakeWorkerFactory } from '../../store/fakeRunWorker';

/** A training worker for the depth probe; the test decides when and what it answers. */
export class FakeProbeWorker extends FakeRunWorker {
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

export class FakeSweepWorker
  extends FakeWorker<ToSweepWorker, FromSweepWorker>
  implements SweepWorker {}

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
  const probes = fakeWorkerFactory(() => new FakeProbeWorker());
  const sweeps = fakeWorkerFactory(() => new FakeSweepWorker());
  setProbeWorkerFactory(probes.create);
  setSweepWorkerFactory(sweeps.create);
  const result = render(ui);
  const newest = <T,>(list: T[], kind: string): T => {
    const w = list[list.length - 1];
    if (!w) throw new Error(`no ${kind} worker was created`);
    return w;
  };
  return {
    ...result,
    probes: probes.made,
    probe: () => newest(probes.made, 'probe'),
    sweep: () => newest(sweeps.made, 'sweep'),
  };
}
