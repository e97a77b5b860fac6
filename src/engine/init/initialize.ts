import type { Param } from '../layers/layer';
import type { Rng } from '../rng';
import { formatShape, numel, type Shape, type Tensor } from '../tensor';
import { biasDistribution, weightDistribution, type WeightDistribution } from './distribution';
import { computeFans } from './fans';
import { fillOrthogonal } from './orthogonal';
import type { InitScheme } from './schemes';

function fill(data: Float32Array, shape: Shape, d: WeightDistribution, rng: Rng): void {
  switch (d.kind) {
    case 'constant':
      data.fill(d.value);
      return;
    case 'uniform': {
      const { low, high } = d;
      for (let i = 0; i < data.length; i++) data[i] = rng.uniform(low, high);
      return;
    }
    case 'normal': {
      const { mean, std } = d;
      rng.fillNormal(data, mean, std);
      return;
    }
    case 'orthogonal':
      fillOrthogonal(data, shape, d.gain, rng);
      return;
  }
}

function checkData(t: Tensor, where: string): void {
  if (t.data.length !== numel(t.shape)) {
    throw new Error(
      `${where}: tensor of shape ${formatShape(t.shape)} holds ${t.data.length} values, expected ${numel(t.shape)}`,
    );
  }
}

/** Fills weight `w` in place from `scheme` (fans from w.shape: [out, in] or [out, in, kh, kw]). */
export function initWeight(w: Tensor, scheme: InitScheme, rng: Rng): void {
  checkData(w, 'initWeight');
  fill(w.data, w.shape, weightDistribution(scheme, w.shape), rng);
}

/**
 * Fills bias `b` in place for a layer with `fanIn` inputs: U(±1/√fanIn) under pytorchDefault,
 * zeros under every other scheme (see biasDistribution for why).
 */
export function initBias(b: Tensor, fanIn: number, scheme: InitScheme, rng: Rng): void {
  checkData(b, 'initBias');
  fill(b.data, b.shape, biasDistribution(scheme, fanIn), rng);
}

/**
 * Initializes a model's parameters as a freshly built PyTorch model would be after applying
 * `scheme`: weights from the scheme, each bias from the fan-in of the weight it belongs to (the
 * param whose name ends in 'weight' instead of 'bias'), norm scales to 1 and shifts to 0.
 *
 * Each param draws from its own stream, rng.fork(name), so adding or reordering layers leaves the
 * other layers' initial values unchanged, and the same seed gives the same model.
 */
export function initParams(params: readonly Param[], scheme: InitScheme, rng: Rng): void {
  const byName = new Map(params.map((p) => [p.name, p]));
  for (const p of params) {
    switch (p.role) {
      case 'weight':
        initWeight(p.value, scheme, rng.fork(p.name));
        break;
      case 'bias': {
        const weightName = p.name.replace(/bias$/, 'weight');
        const weight = byName.get(weightName);
        if (weight === undefined || weight.role !== 'weight' || weightName === p.name) {
          throw new Error(
            `initParams: bias '${p.name}' needs its layer's weight '${weightName}' for the fan-in, but no such weight param was given`,
          );
        }
        initBias(p.value, computeFans(weight.value.shape).fanIn, scheme, rng.fork(p.name));
        break;
      }
      case 'normScale':
        p.value.data.fill(1);
        break;
      case 'normShift':
        p.value.data.fill(0);
        break;
    }
  }
}
