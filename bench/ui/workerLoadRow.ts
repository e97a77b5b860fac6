import type { WorkerLoadReport } from '../../src/worker/workerLoad';
import type { Row } from './report';

const pct = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(1)}%`;

/**
 * One line of where a training worker's wall-clock time went (src/worker/workerLoad.ts): in its
 * slices, handling messages, posting snapshots, idle (and how much of that it asked for), and what
 * its pacer counted. Time in a slice includes time the operating system held the thread back.
 */
export function describeWorkerLoad(w: WorkerLoadReport): string {
  const idle = Math.max(0, w.wallMs - w.taskMs - w.messageMs);
  const steps = w.step - w.stepAtReset;
  const p = w.pacer;
  return (
    `${(w.wallMs / 1000).toFixed(1)} s, ${steps} steps (${((steps * 1000) / w.wallMs).toFixed(0)}/s): ` +
    `in slices ${pct(w.taskMs, w.wallMs)} (${w.tasks}), posting ${pct(w.postMs, w.wallMs)} ` +
    `(${w.posts}, ${(w.postMs / Math.max(1, w.posts)).toFixed(2)} ms each), ` +
    `messages ${pct(w.messageMs, w.wallMs)} (${w.messages}), idle ${pct(idle, w.wallMs)} ` +
    `(rests and waits asked ${pct(w.askedDelayMs, w.wallMs)}); pacer: ${p.contended} of ` +
    `${p.slices} slices judged held back (${p.judged} timed), ${pct(p.countedMs, Math.max(1e-9, p.workedMs))} ` +
    `of ${p.workedMs.toFixed(0)} ms in slices counted as work, rests ${p.restMs.toFixed(0)} ms`
  );
}

/** A report row per worker, numbered. */
export function workerLoadRows(what: string, reports: readonly WorkerLoadReport[]): Row[] {
  return reports.map((w, i) => ({
    measure: reports.length > 1 ? `${what}, worker ${i + 1}` : what,
    value: describeWorkerLoad(w),
    target: '',
    met: undefined,
  }));
}
