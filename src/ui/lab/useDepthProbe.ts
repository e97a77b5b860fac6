import { useEffect, useRef, useState } from 'react';
import type { DepthProbeOptions, DepthProbeResult } from '../../engine/probes/depthProbe';
import { createProbeWorker } from '../../runs/workerFactory';
import type { RunWorker } from '../../worker/workerClient';

export interface DepthProbeState {
  readonly result: DepthProbeResult | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
}

/**
 * Measures `options` in a worker of its own whenever they change (undefined: nothing to measure).
 * One request at a time: while one computes, only the newest options wait, so typing a depth never
 * builds a backlog.
 */
export function useDepthProbe(options: DepthProbeOptions | undefined): DepthProbeState {
  const [state, setState] = useState<DepthProbeState>({
    result: undefined,
    loading: false,
    error: undefined,
  });
  const channel = useRef<{ request: (options: DepthProbeOptions) => void } | null>(null);

  useEffect(() => {
    let worker: RunWorker | undefined;
    let nextId = 1;
    let inFlight: number | undefined;
    let waiting: DepthProbeOptions | undefined;
    const send = (next: DepthProbeOptions): void => {
      if (!worker) {
        worker = createProbeWorker();
        worker.onMessage((message) => {
          if (message.type === 'depthProbe' && message.id === inFlight) {
            finish();
            setState({ result: message.result, loading: inFlight !== undefined, error: undefined });
          } else if (message.type === 'depthProbeError' && message.id === inFlight) {
            finish();
            setState((prev) => ({
              ...prev,
              loading: inFlight !== undefined,
              error: message.message,
            }));
          } else if (message.type === 'error') {
            // The worker crashed: a fresh one gets the request again.
            const retry = waiting;
            inFlight = undefined;
            worker?.restart();
            setState((prev) => ({ ...prev, loading: false, error: message.message }));
            if (retry) send(retry);
          }
        });
      }
      inFlight = nextId++;
      waiting = undefined;
      worker.send({ type: 'depthProbe', id: inFlight, options: next });
    };
    const finish = (): void => {
      inFlight = undefined;
      if (waiting) send(waiting);
    };
    channel.current = {
      request: (next) => {
        if (inFlight === undefined) send(next);
        else waiting = next;
      },
    };
    return () => {
      channel.current = null;
      worker?.terminate();
    };
  }, []);

  const lastKey = useRef('');
  useEffect(() => {
    const key = options ? JSON.stringify(options) : '';
    // Settings that do not affect the probe (the learning rate) change `options` but not its key.
    if (!options || key === lastKey.current) return;
    lastKey.current = key;
    channel.current?.request(options);
    setState((prev) => ({ ...prev, loading: true, error: undefined }));
  }, [options]);

  return state;
}
