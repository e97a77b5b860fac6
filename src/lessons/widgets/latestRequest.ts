/**
 * Keeps a slow worker answering the newest question without a backlog: at most one request is in
 * flight; while it is, a new request replaces any waiting one instead of queueing behind it. A slider
 * dragged across fifty positions therefore costs at most two computations, and the last one is always
 * the position the slider stopped at.
 */
export class LatestRequest<T> {
  private nextId = 1;
  private inFlight: { readonly id: number; readonly request: T } | undefined;
  private waiting: T | undefined;

  constructor(private readonly send: (id: number, request: T) => void) {}

  /** Asks for `request` now, or as soon as the request in flight is answered. */
  request(request: T): void {
    if (this.inFlight) this.waiting = request;
    else this.dispatch(request);
  }

  /**
   * Records that the reply to `id` arrived and sends the waiting request, if any. Returns true when
   * the reply answers the newest request (nothing newer is waiting), false for a superseded or unknown id.
   */
  settle(id: number): boolean {
    if (!this.inFlight || this.inFlight.id !== id) return false;
    this.inFlight = undefined;
    const next = this.waiting;
    this.waiting = undefined;
    if (next === undefined) return true;
    this.dispatch(next);
    return false;
  }

  /**
   * Forgets the request in flight (its worker was replaced) and sends the newest request again, so
   * the picture catches up with the controls.
   */
  resend(): void {
    const newest = this.waiting ?? this.inFlight?.request;
    this.inFlight = undefined;
    this.waiting = undefined;
    if (newest !== undefined) this.dispatch(newest);
  }

  /** True while a request is being computed. */
  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  private dispatch(request: T): void {
    const id = this.nextId++;
    this.inFlight = { id, request };
    this.send(id, request);
  }
}
