import { formatShape, type Shape } from '../tensor';

export interface Fans {
  readonly fanIn: number;
  readonly fanOut: number;
}

/**
 * torch.nn.init._calculate_fan_in_and_fan_out: weights are [out, in, ...kernel], so
 * fanIn = in · ∏kernel and fanOut = out · ∏kernel (Linear [out, in]: fanIn = in, fanOut = out).
 */
export function computeFans(shape: Shape): Fans {
  if (shape.length < 2) {
    throw new Error(
      `computeFans: fan in and fan out need a weight of rank ≥ 2 ([out, in] or [out, in, kh, kw]), got shape ${formatShape(shape)}`,
    );
  }
  shape.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1) {
      throw new Error(
        `computeFans: dimension ${i} of shape ${formatShape(shape)} is ${d}; sizes must be positive integers`,
      );
    }
  });
  let receptiveField = 1;
  for (let i = 2; i < shape.length; i++) receptiveField *= shape[i]!;
  return { fanIn: shape[1]! * receptiveField, fanOut: shape[0]! * receptiveField };
}
