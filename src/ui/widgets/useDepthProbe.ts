import { useEffect, useRef, useState } from 'react';
import type { DepthProbeResult } from '../../engine/probes/depthProbe';
import { probeOptions, type DepthProbeChoice } from '../../lessons/widgets/depthProbeSetup';
import { LatestRequest } from '../../lessons/widgets/latestRequest';
import type { RunWorker } from '../../worker/workerClient';
import { useWidgetWorkers } from './widgetWorkers';

export interface DepthProbeState {
  /** The newest result that arrived, and the choice it measured (it may lag the controls briefly). */
  readonly measured?: { readonly choice: DepthProbeChoice; readonly result: DepthProbeResult };
  /** True while the worker is computing. */
  readonly busy: boolean;
  readonly error?: string;
}

/**
 * Measures `choice` in a worker whenever it changes. Requests are coalesced (LatestRequest): while one
 * is computing, only the newest choice waits, so a dragged slider never builds a backlog.
 */
export function useDepthProbe(choice: DepthProbeChoice): DepthProbeState {
  const workers = useWidgetWorkers();
  const [state, setState] = useState<DepthProbeState>({ busy: true });
  const channel = useRef<{ worker: RunWorker; latest: LatestRequest<DepthProbeChoice> } | null>(
    null,
  );

  useEffect(() => {
    const worker = workers.probe();
    const sent = new Map<number, DepthProbeChoice>();
    const latest = new LatestRequest<DepthProbeChoice>((id, request) => {
      sent.set(id, request);
      worker.send({ type: 'depthProbe', id, options: probeOptions(request) });
    });
    const unsubscribe = worker.onMessage((message) => {
      if (message.type === 'depthProbe') {
        const measuredChoice = sent.get(message.id);
        sent.delete(message.id);
        if (!measuredChoice) return;
        latest.settle(message.id);
        setState({
          measured: { choice: measuredChoice, result: message.result },
          busy: latest.busy,
        });
      } else if (message.type === 'depthProbeError') {
        sent.delete(message.id);
        latest.settle(message.id);
        setState((prev) => ({ ...prev, busy: latest.busy, error: message.message }));
      } else if (message.type === 'error') {
        // The worker crashed: start a fresh one and ask it again for what the controls show now.
        setState((prev) => ({ ...prev, busy: true, error: message.message }));
        worker.restart();
        latest.resend();
      }
    });
    channel.current = { worker, latest };
    return () => {
      channel.current = null;
      unsubscribe();
      worker.terminate();
    };
  }, [workers]);

  useEffect(() => {
    const current = channel.current;
    if (!current) return;
    current.latest.request(choice);
    setState((prev) => {
      const { error: _error, ...rest } = prev;
      return { ...rest, busy: true };
    });
  }, [choice, workers]);

  return state;
}
