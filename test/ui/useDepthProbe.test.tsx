// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DepthProbeOptions, DepthProbeResult } from '../../src/engine/probes/depthProbe';
import { useDepthProbe } from '../../src/ui/useDepthProbe';
import { setupLabTests } from './lab/labTestEnvironment';
import { probeOptionsAt } from '../runs/runFixtures';

const { probeWorkers } = setupLabTests();

const options = probeOptionsAt;
const result = (layers: number): DepthProbeResult => ({
  inputStd: 1,
  layers: Array.from({ length: layers }, (_, i) => ({
    layer: i + 1,
    activationMean: 0,
    activationStd: 1,
    gradNorm: 1,
    weightGradNorm: 1,
  })),
});

const asIs = (o: DepthProbeOptions): DepthProbeOptions => o;

describe('useDepthProbe', () => {
  it('keeps one request in flight and sends only the newest waiting one', () => {
    const { result: hook, rerender } = renderHook(({ o }) => useDepthProbe(o, asIs), {
      initialProps: { o: options(3) },
    });
    const worker = probeWorkers()[0]!;
    expect(hook.current.busy).toBe(true);
    rerender({ o: options(4) });
    rerender({ o: options(5) });
    expect(worker.sent.map((m) => m.type === 'depthProbe' && m.options.depth)).toEqual([3]);

    act(() => worker.emit({ type: 'depthProbe', id: 1, result: result(3) }));
    expect(hook.current.measured?.result.layers).toHaveLength(3);
    expect(hook.current.busy).toBe(true);
    expect(worker.sent.map((m) => m.type === 'depthProbe' && m.options.depth)).toEqual([3, 5]);

    act(() => worker.emit({ type: 'depthProbe', id: 2, result: result(5) }));
    expect(hook.current).toEqual({
      measured: { request: options(5), result: result(5) },
      busy: false,
    });
  });

  it('reports a refused request and ignores answers to other ids', () => {
    const { result: hook } = renderHook(() => useDepthProbe(options(300), asIs));
    const worker = probeWorkers()[0]!;
    act(() => worker.emit({ type: 'depthProbe', id: 99, result: result(1) }));
    expect(hook.current.measured).toBeUndefined();
    act(() => worker.emit({ type: 'depthProbeError', id: 1, message: 'depth must be 1 to 200' }));
    expect(hook.current).toMatchObject({ busy: false, error: 'depth must be 1 to 200' });
  });

  it('asks nothing while there is nothing to measure, and terminates its worker', () => {
    const { unmount } = renderHook(() => useDepthProbe(undefined, asIs));
    expect(probeWorkers()).toHaveLength(0);
    unmount();
    const second = renderHook(() => useDepthProbe(options(2), asIs));
    second.unmount();
    expect(probeWorkers()[0]?.terminated).toBe(true);
  });
});
