import type { PacerAccounting } from './pacer';
import type { Schedule } from './taskScheduler';

/**
 * Where a training worker's wall-clock time went since the accounting was last reset: inside its
 * slices (scheduled tasks), handling the page's messages, inside `postMessage` (the structured clone
 * of a snapshot happens there), and the rest, idle between tasks, part of which it asked for (rests
 * and speed limits). A worker has no CPU clock, so time in a task includes time the operating system
 * held the thread back; a Chromium trace (`npm run bench:ui:trace`) tells the two apart.
 */
export interface WorkerLoadReport {
  readonly wallMs: number;
  readonly taskMs: number;
  readonly tasks: number;
  readonly messageMs: number;
  readonly messages: number;
  readonly postMs: number;
  readonly posts: number;
  /** Delays asked of the schedule: rests after slices and speed-limit waits, in ms. */
  readonly askedDelayMs: number;
  /** The pacer's own accounting over the same time. */
  readonly pacer: PacerAccounting;
  /** The newest step a snapshot carried, and the one when the accounting was reset. */
  readonly step: number;
  readonly stepAtReset: number;
}

/**
 * Counts a worker's time for bench:ui (which reads `report()` through the worker's global, see
 * trainingWorker.ts): it wraps the worker's schedule, its message handler and its `post`, so the
 * session itself is not touched. Counting costs two clock reads per task, message and post.
 */
export class WorkerLoad {
  private since = 0;
  private taskMs = 0;
  private tasks = 0;
  private messageMs = 0;
  private messages = 0;
  private postMs = 0;
  private posts = 0;
  private askedDelayMs = 0;
  private step = 0;
  private stepAtReset = 0;

  constructor(
    private readonly now: () => number,
    private readonly pacer: { readonly accounting: PacerAccounting; resetAccounting(): void },
  ) {
    this.since = now();
  }

  reset(): void {
    this.since = this.now();
    this.taskMs = this.messageMs = this.postMs = this.askedDelayMs = 0;
    this.tasks = this.messages = this.posts = 0;
    this.stepAtReset = this.step;
    this.pacer.resetAccounting();
  }

  report(): WorkerLoadReport {
    return {
      wallMs: this.now() - this.since,
      taskMs: this.taskMs,
      tasks: this.tasks,
      messageMs: this.messageMs,
      messages: this.messages,
      postMs: this.postMs,
      posts: this.posts,
      askedDelayMs: this.askedDelayMs,
      pacer: this.pacer.accounting,
      step: this.step,
      stepAtReset: this.stepAtReset,
    };
  }

  /** `schedule`, with every task it runs timed. */
  schedule(schedule: Schedule): Schedule {
    return (task, delay) => {
      if (delay > 0) this.askedDelayMs += delay;
      schedule(() => {
        const start = this.now();
        try {
          task();
        } finally {
          this.taskMs += this.now() - start;
          this.tasks++;
        }
      }, delay);
    };
  }

  /** Runs `handle` (a message from the page), timed. */
  message(handle: () => void): void {
    const start = this.now();
    try {
      handle();
    } finally {
      this.messageMs += this.now() - start;
      this.messages++;
    }
  }

  /** Runs `post` (sending a message whose step is `step`, if it has one), timed. */
  post(step: number | undefined, post: () => void): void {
    const start = this.now();
    try {
      post();
    } finally {
      this.postMs += this.now() - start;
      this.posts++;
      if (step !== undefined) this.step = step;
    }
  }
}
