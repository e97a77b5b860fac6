import { useCallback, useEffect, useRef, useState } from 'react';
import type { SweepCell } from '../../lessons/widgets/depthSweep';
import type { SweepCellResult } from '../../worker/sweepProtocol';
import { createSweepWorker } from '../../runs/workerFactory';
import type { SweepWorker } from '../../worker/sweepClient';

export type SweepStatus = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

export interface DepthSweepState {
  readonly status: SweepStatus;
  /** Finished cells, by index in the cell list. */
  readonly results: ReadonlyMap<number, SweepCellResult>;
  /** The cell being trained and its step. */
  readonly progress?: { readonly cell: number; readonly step: number };
  /** Why the sweep stopped, when its worker failed. */
  readonly failure?: string;
}

const IDLE: DepthSweepState = { status: 'idle', results: new Map() };

/** Runs the sweep's cells in its own worker; a new run replaces the previous one. */
export function useDepthSweep(
  cells: readonly SweepCell[],
  steps: number,
): DepthSweepState & { start: () => void; stop: () => void } {
  const [state, setState] = useState<DepthSweepState>(IDLE);
  const worker = useRef<SweepWorker | null>(null);
  const sweepId = useRef(0);

  useEffect(() => {
    const created = createSweepWorker();
    const unsubscribe = created.onMessage((message) => {
      if (message.type === 'failed') {
        setState((s) =>
          s.status === 'running' ? { ...s, status: 'failed', failure: message.message } : s,
        );
        return;
      }
      if (message.id !== sweepId.current) return;
      if (message.type === 'progress') {
        setState((s) => ({ ...s, progress: { cell: message.cell, step: message.step } }));
      } else if (message.type === 'cell') {
        setState((s) => {
          const results = new Map(s.results);
          results.set(message.cell, message.result);
          return { ...s, results };
        });
      } else {
        setState((s) => {
          const { progress: _progress, ...rest } = s;
          return { ...rest, status: 'done' };
        });
      }
    });
    worker.current = created;
    return () => {
      worker.current = null;
      unsubscribe();
      created.terminate();
    };
  }, []);

  const start = useCallback(() => {
    const id = ++sweepId.current;
    setState({ status: 'running', results: new Map() });
    worker.current?.send({ type: 'start', id, cells: cells.map((c) => c.settings), steps });
  }, [cells, steps]);

  const stop = useCallback(() => {
    worker.current?.send({ type: 'cancel', id: sweepId.current });
    setState((s) => {
      const { progress: _progress, ...rest } = s;
      return s.status === 'running' ? { ...rest, status: 'stopped' } : s;
    });
  }, []);

  return { ...state, start, stop };
}
