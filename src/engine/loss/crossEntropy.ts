import { expectRank, formatShape, reuse, type Tensor } from '../tensor';

export interface CrossEntropyResult {
  /** Mean over the batch of −log softmax(z)[target]. NaN or ∞ when the logits are not finite. */
  readonly loss: number;
  /** ∂loss/∂logits = (softmax(z) − onehot(target)) / N, shape [N, K]. */
  readonly grad: Tensor;
}

function checkTargets(logits: Tensor, targets: Int32Array, where: string): [number, number] {
  expectRank(logits, 2, where);
  const [n, k] = logits.shape as [number, number];
  if (targets.length !== n) {
    throw new Error(
      `${where}: ${targets.length} targets for logits of shape ${formatShape(logits.shape)} (need one per row)`,
    );
  }
  if (n === 0)
    throw new Error(`${where}: empty batch (logits of shape ${formatShape(logits.shape)})`);
  for (let i = 0; i < n; i++) {
    const t = targets[i]!;
    if (t < 0 || t >= k) {
      throw new Error(`${where}: target ${t} at row ${i} is outside the ${k} classes [0, ${k})`);
    }
  }
  return [n, k];
}

/**
 * F.cross_entropy(logits, targets) with mean reduction, and its gradient. Each row uses a max-shifted
 * log-sum-exp, lse(z) = m + log Σ e^(z − m), so logits of ±100 neither overflow nor underflow.
 * Non-finite logits are not an error: the loss comes back NaN/∞ and the trainer reports divergence.
 * `out` is reused for the gradient when it has the right shape.
 */
export function crossEntropy(
  logits: Tensor,
  targets: Int32Array,
  out?: Tensor,
): CrossEntropyResult {
  const [n, k] = checkTargets(logits, targets, 'crossEntropy');
  const z = logits.data;
  const grad = reuse(out, [n, k]);
  const g = grad.data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (z[row + j]! > max) max = z[row + j]!;
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(z[row + j]! - max);
      g[row + j] = e; // e^(z − m) for now; scaled to the gradient below
      sum += e;
    }
    const target = targets[i]!;
    // loss_i = lse(z) − z[t] = log Σ e^(z − m) − (z[t] − m)
    total += Math.log(sum) - (z[row + target]! - max);
    // grad_i = (softmax(z) − onehot(t)) / N
    const scale = 1 / (sum * n);
    for (let j = 0; j < k; j++) g[row + j] = g[row + j]! * scale;
    g[row + target] = g[row + target]! - 1 / n;
  }
  return { loss: total / n, grad };
}

/** The fraction of rows whose argmax (ties → lowest index) is the target. */
export function accuracy(logits: Tensor, targets: Int32Array): number {
  const [n, k] = checkTargets(logits, targets, 'accuracy');
  const z = logits.data;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    let best = 0;
    for (let j = 1; j < k; j++) if (z[row + j]! > z[row + best]!) best = j;
    if (best === targets[i]) correct++;
  }
  return correct / n;
}
