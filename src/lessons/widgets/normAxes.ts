/**
 * Which elements of an (N, C, H, W) tensor share one mean and variance under each normalization:
 * the "axes cube" picture. Two elements share statistics exactly when they agree on every axis the
 * method does NOT reduce over (BatchNorm keeps C, LayerNorm keeps N, InstanceNorm keeps N and C,
 * GroupNorm keeps N and the channel's group).
 */

export const NORM_METHODS = ['batchNorm', 'layerNorm', 'instanceNorm', 'groupNorm'] as const;
export type NormMethod = (typeof NORM_METHODS)[number];

export interface CubeShape {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
}

export interface CubeIndex {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
}

export const NORM_METHOD_LABELS: Readonly<Record<NormMethod, string>> = {
  batchNorm: 'BatchNorm',
  layerNorm: 'LayerNorm',
  instanceNorm: 'InstanceNorm',
  groupNorm: 'GroupNorm',
};

/** The group counts GroupNorm accepts for `channels`: the divisors of C. */
export function validGroupCounts(channels: number): number[] {
  const out: number[] = [];
  for (let g = 1; g <= channels; g++) if (channels % g === 0) out.push(g);
  return out;
}

function checkGroups(shape: CubeShape, groups: number): void {
  if (!Number.isInteger(groups) || groups < 1 || shape.c % groups !== 0) {
    throw new Error(
      `GroupNorm: ${groups} groups do not divide ${shape.c} channels; choose G among ${validGroupCounts(shape.c).join(', ')}`,
    );
  }
}

/** The key of the statistics `index` is normalised with: equal keys share a mean and variance. */
export function statisticsKey(
  method: NormMethod,
  shape: CubeShape,
  groups: number,
  index: CubeIndex,
): string {
  switch (method) {
    case 'batchNorm':
      return `c${index.c}`;
    case 'layerNorm':
      return `n${index.n}`;
    case 'instanceNorm':
      return `n${index.n}c${index.c}`;
    case 'groupNorm': {
      checkGroups(shape, groups);
      return `n${index.n}g${Math.floor(index.c / (shape.c / groups))}`;
    }
  }
}

/** Row-major (N, C, H, W) position of an index, as the engine lays tensors out. */
export function flatIndex(shape: CubeShape, index: CubeIndex): number {
  return ((index.n * shape.c + index.c) * shape.h + index.h) * shape.w + index.w;
}

export function* cubeIndices(shape: CubeShape): Generator<CubeIndex> {
  for (let n = 0; n < shape.n; n++)
    for (let c = 0; c < shape.c; c++)
      for (let h = 0; h < shape.h; h++) for (let w = 0; w < shape.w; w++) yield { n, c, h, w };
}

/** The flat indices of every element normalised together with `anchor` (anchor included). */
export function sharedWith(
  method: NormMethod,
  shape: CubeShape,
  groups: number,
  anchor: CubeIndex,
): Set<number> {
  const key = statisticsKey(method, shape, groups, anchor);
  const out = new Set<number>();
  for (const index of cubeIndices(shape)) {
    if (statisticsKey(method, shape, groups, index) === key) out.add(flatIndex(shape, index));
  }
  return out;
}

/** How many separate means (and variances) the method computes for this shape. */
export function statisticsCount(method: NormMethod, shape: CubeShape, groups: number): number {
  switch (method) {
    case 'batchNorm':
      return shape.c;
    case 'layerNorm':
      return shape.n;
    case 'instanceNorm':
      return shape.n * shape.c;
    case 'groupNorm':
      checkGroups(shape, groups);
      return shape.n * groups;
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One sentence naming the axes the method reduces over, and what that means for this shape. */
export function reducedAxesSentence(method: NormMethod, shape: CubeShape, groups: number): string {
  const count = statisticsCount(method, shape, groups);
  switch (method) {
    case 'batchNorm':
      return `BatchNorm reduces over N, H and W: each channel gets one mean and variance, shared by every sample in the batch (${plural(count, 'statistic', 'statistics')} here).`;
    case 'layerNorm':
      return `LayerNorm reduces over C, H and W: each sample gets its own mean and variance, whatever else is in the batch (${plural(count, 'statistic', 'statistics')} here).`;
    case 'instanceNorm':
      return `InstanceNorm reduces over H and W only: each channel of each sample gets its own mean and variance (${plural(count, 'statistic', 'statistics')} here).`;
    case 'groupNorm': {
      const perGroup = shape.c / groups;
      const special =
        groups === 1
          ? ' With G = 1 it is LayerNorm.'
          : groups === shape.c
            ? ' With G = C it is InstanceNorm.'
            : '';
      return `GroupNorm reduces over H, W and the ${plural(perGroup, 'channel', 'channels')} of a group: each sample gets one mean and variance per group (G = ${groups}, ${plural(count, 'statistic', 'statistics')} here).${special}`;
    }
  }
}
