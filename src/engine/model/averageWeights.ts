import type { Model } from './model';

/**
 * The running average of a network's parameters over the steps it is given, as stochastic weight
 * averaging keeps it (Izmailov et al. 2018, arXiv:1803.05407; PyTorch: torch.optim.swa_utils.AveragedModel
 * with its default average): after n models,
 *   W̄ₙ = W̄ₙ₋₁ + (Wₙ − W̄ₙ₋₁) / n,
 * the plain mean of W₁ … Wₙ, summed in float64. Only parameters are averaged; BatchNorm's running
 * statistics are not (AveragedModel's default too), so an averaged network needs recalibrated
 * statistics (recalibrateBatchNorm, SWA's update_bn) before it is evaluated.
 */
export class WeightAverage {
  private readonly sums: Map<string, Float64Array> = new Map();
  private n = 0;

  /** Models averaged so far. */
  get count(): number {
    return this.n;
  }

  /** Adds the current parameters of `model` (which must have the parameters of the first one added). */
  add(model: Model): void {
    const params = model.params();
    if (this.n > 0 && params.length !== this.sums.size) {
      throw new Error(
        `WeightAverage: the model has ${params.length} parameters, the average ${this.sums.size}`,
      );
    }
    this.n++;
    for (const p of params) {
      let mean = this.sums.get(p.name);
      if (!mean) {
        if (this.n > 1) throw new Error(`WeightAverage: '${p.name}' is not in the average`);
        mean = new Float64Array(p.value.data.length);
        this.sums.set(p.name, mean);
      }
      if (mean.length !== p.value.data.length) {
        throw new Error(
          `WeightAverage: '${p.name}' has ${p.value.data.length} values, the average ${mean.length}`,
        );
      }
      const w = p.value.data;
      for (let i = 0; i < w.length; i++) mean[i]! += (w[i]! - mean[i]!) / this.n;
    }
  }

  /** Writes the averaged parameters into `model`; its buffers (running statistics) are left as they are. */
  applyTo(model: Model): void {
    if (this.n === 0) throw new Error('WeightAverage: no model was added to the average');
    const state: Record<string, Float64Array> = {};
    for (const p of model.params()) {
      const mean = this.sums.get(p.name);
      if (!mean) throw new Error(`WeightAverage: '${p.name}' is not in the average`);
      state[p.name] = mean;
    }
    model.loadStateDict(state);
  }
}
