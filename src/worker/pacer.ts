/** Work is done in slices of about this long, then the session yields so messages (pause!) get through. */
export const SLICE_MS = 20;

/**
 * How fast a session may go: the learner's steps-per-second limit, and the share of a core it may
 * use (the run pool leaves the page a core, src/runs/cpuShare.ts). With a share below 1 the session
 * rests (1 − share) / share as long as it worked, in slices short enough that a snapshot falling
 * due while it rests is not held back for long.
 */
export class Pacer {
  private share = 1;
  private rateOrigin = { time: 0, steps: 0 };

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

  /** How long to rest after a slice that began at `sliceStart`, to use only the share of a core. */
  restAfter(sliceStart: number): number {
    if (this.share >= 1) return 0;
    const worked = this.now() - sliceStart;
    return (worked * (1 - this.share)) / this.share;
  }
}
