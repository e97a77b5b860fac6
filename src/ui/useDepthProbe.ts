import { useEffect, useRef, useState } from 'react';
import type { DepthProbeOptions, DepthProbeResult } from '../engine/probes/depthProbe';
import { DepthProbeChannel } from '../runs/depthProbeChannel';

export interface DepthProbeState<T> {
  /** The newest result that arrived, and the request it measured (it may lag the controls briefly). */
  readonly measured?: { readonly request: T; readonly result: DepthProbeResult };
  /** True while the worker is computing. */
  readonly busy: boolean;
  readonly error?: string;
}

/**
 * Measures `request` in a depth-probe worker whenever it changes (undefined: nothing to measure), for
 * the Lab's "Signal at initialization" panel, the depth-probe widget and the lessons' quiz charts.
 * The latest request wins (src/runs/depthProbeChannel.ts), so typing a depth or dragging a slider
 * never builds a backlog. The worker is created with the first request and ends with the view.
 */
export function useDepthProbe<T>(
  request: T | undefined,
  toOptions: (request: T) => DepthProbeOptions,
): DepthProbeState<T> {
  const [state, setState] = useState<DepthProbeState<T>>({ busy: request !== undefined });
  const channel = useRef<DepthProbeChannel<T> | null>(null);
  const convert = useRef(toOptions);

  useEffect(() => {
    const opened = new DepthProbeChannel<T>({
      toOptions: (r) => convert.current(r),
      onEvent: (event) => {
        if (event.type === 'result') {
          setState({
            measured: { request: event.request, result: event.result },
            busy: event.busy,
          });
        } else {
          setState((prev) => ({ ...prev, busy: event.busy, error: event.message }));
        }
      },
    });
    channel.current = opened;
    return () => {
      channel.current = null;
      opened.close();
    };
  }, []);

  const lastKey = useRef('');
  useEffect(() => {
    convert.current = toOptions;
    const key = request === undefined ? '' : JSON.stringify(request);
    // A request equal to the last one (a setting the probe does not read changed) asks nothing.
    if (request === undefined || key === lastKey.current) return;
    lastKey.current = key;
    channel.current?.request(request);
    setState((prev) => {
      const { error: _error, ...rest } = prev;
      return { ...rest, busy: true };
    });
  }, [request, toOptions]);

  return state;
}
