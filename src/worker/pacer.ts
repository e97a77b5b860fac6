/** Work is done in slices of about this long, then the session yields so messages (pause!) get through. */
export const SLICE_MS = 20;

/**
 * Slices whose mean plain step, over the latest POOLED_MS of timed steps, took at least this many
 * times the run's usual cost (below), and more than its own page explains (Pacer.setCpuShare), are
 * taken to have waited for a core.
 */
export const CONTENDED = 1.5;
/**
 * Steps are timed a slice at a time, and only once they add up to this many milliseconds: a browser
 * worker's clock may be coarsened to 0.1 ms, too coarse for one step of a small network.
 */
export const TIMED_MS = 2;
/**
 * A run's usual step cost is the lowest mean step over the latest slices whose timed steps add up to
 * this many milliseconds, and a slice is judged by the mean over that pool, not its own. The fastest
 * single slice was an outlier, and a single slice's mean is noisy: the Lab's default run with a
 * quarter of a core, trained by TrainingSession in Node on a CPU clock (where nothing can hold it
 * back; 2026-12-03 15:50, load 11), had its median slice at 1.8× its fastest, 69–84% of its slices
 * judged held back, 65–69% of its work counted, and it used 0.36–0.38 of a core instead of 0.25: four
 * runs took 1.5 cores of two instead of one, and the page less than the core left for it. Judged
 * over a 20 ms pool: 14 of 337 slices held back, 0.255 of a core (depth 8: 68 of 603, 0.262).
 */
export const POOLED_MS = 20;

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

/**
 * How fast a session may go: the learner's steps-per-second limit, and the share of a core it may
 * use (the run pool leaves the page a core, src/runs/cpuShare.ts). With a share below 1 the session
 * rests (1 − share) / share as long as it worked, in slices short enough that a snapshot falling
 * due while it rests is not held back for long.
 *
 * A worker has no CPU clock, so "worked" is wall-clock time. On a busy machine the operating system
 * already holds the worker back for part of each slice: counted as work, that time made it rest as
 * if it had had the core (in Node at load 16–18 a session with half a core got 0.06–0.07 of one, flat
 * out 0.08–0.17). So the mean plain step of each slice is timed against the run's usual step
 * (POOLED_MS), and a slowdown counts as other programs' doing only beyond `ownSlowdown`, what the
 * page's own threads cause with every run computing at once (cpuShare.ts's ownSlowdownFor): when the
 * steps took CONTENDED times as long or more and more than that, only ownSlowdown / slowdown of the
 * slice counts as work. On a busy machine the worker so gets at least share / ownSlowdown of a core,
 * what it would get if its page's runs all computed flat out on an idle one (or all the machine
 * gives it, flat out). Judged against its usual step alone, a worker took the slowdown its sibling
 * runs caused for a busy machine, rested less, and slowed them more: on the idle machine (bench:ui,
 * 2026-12-03 21:52, load 1.5–4.7) four runs with a quarter of a core each were in slices 67–74% of the
 * wall clock, 833–1040 of about 1000 slices each judged held back and 25–30% of their time counted,
 * so together they asked 2.9 cores of 2 and the page waited for one.
 */
export class Pacer {
  private share = 1;
  /** The slowdown the page's own threads explain (setCpuShare): only one beyond it is contention. */
  private ownSlowdown = 1;
  private rateOrigin = { time: 0, steps: 0 };
  /** The lowest mean plain step over POOLED_MS of timed steps of this run so far. */
  private usualStepMs = Infinity;
  /** The latest timed slices' step time and steps, oldest first, adding up to about POOLED_MS. */
  private readonly pool: { ms: number; steps: number }[] = [];
  private pooledMs = 0;
  private pooledSteps = 0;
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

  /**
   * The share of a core, and how many times its usual time a step can take while only the page's
   * own threads keep the machine busy. Anything but a share in (0, 1] means no limit: a bad value
   * must not stall the run; anything but a slowdown of at least 1 means 1.
   */
  setCpuShare(share: number, ownSlowdown: number): void {
    this.share = Number.isFinite(share) && share > 0 ? Math.min(1, share) : 1;
    this.ownSlowdown = Number.isFinite(ownSlowdown) && ownSlowdown > 1 ? ownSlowdown : 1;
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
    this.usualStepMs = Infinity;
    this.pool.length = 0;
    this.pooledMs = this.pooledSteps = 0;
    this.sliceStepMs = this.sliceSteps = 0;
    this.contention = 1;
    this.meanStepMs = 0;
  }

  /** How long to rest after a slice that began at `sliceStart`, to use only the share of a core. */
  restAfter(sliceStart: number): number {
    const judged = this.sliceStepMs >= TIMED_MS;
    if (judged) this.judge(this.sliceStepMs, this.sliceSteps);
    this.sliceStepMs = this.sliceSteps = 0;
    const worked = this.now() - sliceStart;
    const contended = this.contention >= Math.max(CONTENDED, this.ownSlowdown);
    const ran = contended ? (worked * this.ownSlowdown) / this.contention : worked;
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

  /** Takes a timed slice into the pool and the usual step, and judges it against the usual step. */
  private judge(ms: number, steps: number): void {
    this.pool.push({ ms, steps });
    this.pooledMs += ms;
    this.pooledSteps += steps;
    while (this.pool.length > 1 && this.pooledMs - this.pool[0]!.ms >= POOLED_MS) {
      const oldest = this.pool.shift()!;
      this.pooledMs -= oldest.ms;
      this.pooledSteps -= oldest.steps;
    }
    if (this.pooledMs >= POOLED_MS) {
      this.usualStepMs = Math.min(this.usualStepMs, this.pooledMs / this.pooledSteps);
    }
    // Judged over the pool, not the slice alone: a frame of the page that held one slice back is
    // not a busy machine, and counting it made the worker take more of the core the page needed.
    this.contention = Number.isFinite(this.usualStepMs)
      ? this.pooledMs / this.pooledSteps / this.usualStepMs
      : 1;
  }
}
