import { setImplicitConv } from '../src/engine/kernels/convWasm';
import { DEFAULT_MEASURE, measureInterleaved, type Rate } from './measure';
import { createOurTrainer, createSetup } from './ourModels';
import { REFERENCE_MODELS } from './referenceModels';

export interface ConvAbResult {
  /** Steps/s of cnn-res with the implicit-GEMM convolution (the default). */
  readonly implicit: Rate;
  /** Steps/s of the same model with im2col + gemm, taking turns with the implicit one. */
  readonly im2col: Rate;
  /** implicit / im2col (medians). */
  readonly ratio: number;
}

/**
 * cnn-res trained by our engine with each of the two convolution kernels, repetition by repetition
 * (A B A B …), so that both see the same machine load: the A/B of the implicit GEMM.
 */
export function measureConvAb(seed: number): ConvAbResult {
  const spec = REFERENCE_MODELS['cnn-res'];
  const implicit = createOurTrainer(createSetup(spec, seed));
  const im2col = createOurTrainer(createSetup(spec, seed));
  const withKernel = (enabled: boolean, step: () => number) => () => {
    const previous = setImplicitConv(enabled);
    try {
      step();
    } finally {
      setImplicitConv(previous);
    }
  };
  const [a, b] = measureInterleaved(
    [withKernel(true, () => implicit.step()), withKernel(false, () => im2col.step())],
    DEFAULT_MEASURE,
  );
  return { implicit: a!, im2col: b!, ratio: a!.median / b!.median };
}
