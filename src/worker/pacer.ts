/** Work is done in slices of about this long, then the session yields so messages (pause!) get through. */
export const SLICE_MS = 20;

/**
 * A slice whose mean plain step took at least this many times the run's fastest slice's is taken to
 * have waited for a core: on an idle one a step costs about the same every time (within a few per cent,
 * a garbage collection now and then), and no partial batch makes one legitimately cheaper.
 */
export const CONTENDED = 1.25;
/**
 * Steps are timed a slice at a time, and only once they add up to this many milliseconds: a browser
 * worker's clock may be coarsened to 0.1 ms, too coarse for one step of a small network.
 */
export const TIMED_MS = 2;

/**
 * How fast a session may go: the learner's steps-per-second limit, and the share of a core it may
 * use (the run pool leaves the page a core, src/runs/cpuShare.ts). With a share below 1 the session
 * rests (1 − share) / share as long as it worked, in slices short enough that a snapshot falling
 * due while it rests is not held back for long.
 *
 * A worker has no CPU clock, so "worked" is wall-clock time. On a busy machine the operating system
 * already holds the worker back for part of each slice: counted as work, that time made it rest as
 * if it had had the core (in Node at load 16–18 a session with half a core got 0.06–0.07 of one, flat
 * out 0.08–0.17). So the mean plain step of each slice is timed against the run's fastest slice;
 * when it took CONTENDED times as long or more, only that fraction of the slice counts as work, and the
 * rest is what keeps the worker within its share of the time that has passed (none, once the
 * machine gives it less than its share).
 */
/** What a pacer did since its accounting was last reset (bench:ui reads it through the worker). */
export interface PacerAccounting {
  /** Slices ended (restAfter), those whose steps were timed, and those judged held back. */
  readonly slices: number;
  readonly judged: number;
  readonly contended: number;
  /** Wall-clock time in slices, the part of it counted as work, and the rest asked for, in ms. */
  readonly workedMs: number;
  readonly countedMs: number;
  readonly restMs: number;
}

const noAccounting = (): { -readonly [K in keyof PacerAccounting]: number } => ({
  slices: 0,
  judged: 0,
  contended: 0,
  workedMs: 0,
  countedMs: 0,
  restMs: 0,
});

export class Pacer {
  private share = 1;
  private rateOrigin = { time: 0, steps: 0 };
  /** The smallest mean plain step of a slice of this run so far. */
  private fastestStepMs = Infinity;
  private sliceStepMs = 0;
  private sliceSteps = 0;
  /**
   * How many times the fastest the latest judged slice's steps took: it holds for slices with no
   * steps to time (validation, probes), since a busy machine stays busy for longer than a slice.
   */
  private contention = 1;
  /** What a plain step takes, a moving average over the run's steps, in ms (0: none timed yet). */
  private meanStepMs = 0;
  private tally = noAccounting();

  constructor(private readonly now: () => number) {}

  get cpuShare(): number {
    return this.share;
  }

  /** Anything but a share in (0, 1] means no limit: a bad value must not stall the run. */
  setCpuShare(share: number): void {
    this.share = Number.isFinite(share) && share > 0 ? Math.min(1, share) : 1;
  }

  /** How long one slice of work lasts. */
  get sliceMs(): number {
    return Math.max(2, SLICE_MS * this.share);
  }

  /** The speed limit counts from here: `steps` steps done now. */
  restartSpeedLimit(steps: number): void {
    this.rateOrigin = { time: this.now(), steps };
  }

  /**
   * Milliseconds to wait before the next step is allowed at `speed` steps a second (0: no limit)
   * with `steps` steps done (0: go now).
   */
  speedWait(speed: number, steps: number): number {
    if (speed <= 0) return 0;
    const elapsed = this.now() - this.rateOrigin.time;
    const taken = steps - this.rateOrigin.steps;
    const dueAt = (taken * 1000) / speed;
    return dueAt <= elapsed ? 0 : Math.max(1, dueAt - elapsed);
  }

  /** What a plain step (no probes) takes: a moving average of the run's steps, in ms (0: none yet). */
  get plainStepMs(): number {
    return this.meanStepMs;
  }

  /** A plain training step (no probes) of this slice took `ms` of wall clock. */
  noteStep(ms: number): void {
    if (!(ms >= 0)) return;
    this.sliceStepMs += ms;
    this.sliceSteps++;
    this.meanStepMs = this.meanStepMs === 0 ? ms : 0.9 * this.meanStepMs + 0.1 * ms;
  }

  /** What the pacer did since the last `resetAccounting` (or since it was made). */
  get accounting(): PacerAccounting {
    return { ...this.tally };
  }

  resetAccounting(): void {
    this.tally = noAccounting();
  }

  /** A new run: its steps cost something else. */
  forgetSteps(): void {
    this.fastestStepMs = Infinity;
    this.sliceStepMs = this.sliceSteps = 0;
    this.contention = 1;
    this.meanStepMs = 0;
  }

  /** How long to rest after a slice that began at `sliceStart`, to use only the share of a core. */
  restAfter(sliceStart: number): number {
    const judged = this.sliceStepMs >= TIMED_MS;
    if (judged) {
      const mean = this.sliceStepMs / this.sliceSteps;
      this.fastestStepMs = Math.min(this.fastestStepMs, mean);
      this.contention = mean / this.fastestStepMs;
    }
    this.sliceStepMs = this.sliceSteps = 0;
    const worked = this.now() - sliceStart;
    const contended = this.contention >= CONTENDED;
    const ran = contended ? worked / this.contention : worked;
    const rest = this.share >= 1 ? 0 : Math.max(0, ran / this.share - worked);
    // Counted in place: this runs after every slice, and the worker's garbage is worth keeping low.
    const t = this.tally;
    t.slices++;
    if (judged) t.judged++;
    if (contended) t.contended++;
    t.workedMs += worked;
    t.countedMs += ran;
    t.restMs += rest;
    return rest;
  }
}
