/**
 * Keeps a slow worker answering the newest question without a backlog: at most one request is in
 * flight; while it is, a new request replaces any waiting one instead of queueing behind it. A slider
 * dragged across fifty positions therefore costs at most two computations, and the last one is always
 * the position the slider stopped at.
 */
export class LatestRequest<T> {
  private nextId = 1;
  private current: { readonly id: number; readonly request: T } | undefined;
  private waiting: T | undefined;

  constructor(private readonly send: (id: number, request: T) => void) {}

  /** Asks for `request` now, or as soon as the request in flight is answered. */
  request(request: T): void {
    if (this.current) this.waiting = request;
    else this.dispatch(request);
  }

  /**
   * Records that the reply to `id` arrived and sends the waiting request, if any. Returns true when
   * the reply answers the newest request (nothing newer is waiting), false for a superseded or unknown id.
   */
  settle(id: number): boolean {
    if (!this.current || this.current.id !== id) return false;
    this.current = undefined;
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
    const newest = this.waiting ?? this.current?.request;
    this.current = undefined;
    this.waiting = undefined;
    if (newest !== undefined) this.dispatch(newest);
  }

  /** The request being computed, if any. */
  get inFlight(): T | undefined {
    return this.current?.request;
  }

  /** Forgets the request in flight; a waiting one, if any, is sent instead. */
  forget(): void {
    const next = this.waiting;
    this.current = undefined;
    this.waiting = undefined;
    if (next !== undefined) this.dispatch(next);
  }

  /** True while a request is being computed. */
  get busy(): boolean {
    return this.current !== undefined;
  }

  private dispatch(request: T): void {
    const id = this.nextId++;
    this.current = { id, request };
    this.send(id, request);
  }
}
