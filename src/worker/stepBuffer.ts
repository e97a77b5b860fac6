/** The steps a snapshot carries: every step's loss and accuracy since the previous snapshot. */
export interface StepRecords {
  readonly steps: Int32Array<ArrayBuffer>;
  readonly losses: Float32Array<ArrayBuffer>;
  readonly accuracies: Float32Array<ArrayBuffer>;
}

/**
 * The training steps not yet sent: each snapshot takes them all (as typed arrays it can transfer),
 * and a run that is rebuilt or fails drops them.
 */
export class StepBuffer {
  private steps: number[] = [];
  private losses: number[] = [];
  private accuracies: number[] = [];

  get size(): number {
    return this.steps.length;
  }

  push(step: number, loss: number, accuracy: number): void {
    this.steps.push(step);
    this.losses.push(loss);
    this.accuracies.push(accuracy);
  }

  /** Everything pending, oldest first; the buffer is empty afterwards. */
  take(): StepRecords {
    const records = {
      steps: Int32Array.from(this.steps),
      losses: Float32Array.from(this.losses),
      accuracies: Float32Array.from(this.accuracies),
    };
    this.clear();
    return records;
  }

  clear(): void {
    this.steps = [];
    this.losses = [];
    this.accuracies = [];
  }
}
