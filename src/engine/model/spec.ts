import { z } from '../zod';
import { NONLINEARITIES } from '../init/gain';
import { ACTIVATIONS } from '../layers/elementwise';
import { NORM_LAYER_KINDS } from '../layers/normCore';
import { BRANCH_INITS, type BranchInit } from '../layers/branchInit';
import type { InitScheme as EngineInitScheme } from '../init/schemes';
import { formatLimit } from '../text/numberText';

/**
 * A model is described by data, not code: the Lab, shared links, lessons and the parity tests all
 * build networks from a `ModelSpec`. The schema is the single list of what is allowed; `parseModelSpec`
 * turns a violation into an error that names the field, the value and what would have been accepted.
 */

export { ACTIVATIONS, type ActivationKind } from '../layers/elementwise';
export { BRANCH_INITS, type BranchInit } from '../layers/branchInit';

export const NORM_KINDS = ['none', ...NORM_LAYER_KINDS] as const;
export type NormKind = (typeof NORM_KINDS)[number];

export const NORM_PLACEMENTS = ['before', 'after'] as const;
/** 'before': Linear/Conv → Norm → activation (the BatchNorm paper); 'after': Linear/Conv → activation → Norm. */
export type NormPlacement = (typeof NORM_PLACEMENTS)[number];

/** The widest layer a spec may ask for (an MLP's width; a CNN's channels are fewer). */
const MAX_CHANNELS = 4096;

const intIn = (min: number, max: number) => {
  const error = `must be a whole number from ${formatLimit(min)} to ${formatLimit(max)}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const finite = (what: string) =>
  z.number({ error: `must be ${what}` }).refine(Number.isFinite, { error: `must be ${what}` });
const positive = (what: string) => finite(what).refine((v) => v > 0, { error: `must be ${what}` });

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.map((v) => `'${v}'`).join(', ')}` });

export const FAN_MODES = ['fanIn', 'fanOut'] as const;

/**
 * A schema built the first time something parses with it (zod's z.lazy builds its inner schema once
 * and keeps it). The settings registry imports this module for its lists of kinds before the app's
 * first page can draw, and building these schemas there (each refined number a chain of zod objects)
 * was most of the main-thread task that loads the Lab's settings; the page never validates a spec
 * before a run is configured. Parsing, messages and inferred types are those of the inner schema.
 */
const builtOnFirstUse = <T extends z.ZodType>(build: () => T): z.ZodLazy<T> => z.lazy(build);

export const initSchemeSchema = builtOnFirstUse(() =>
  z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('zeros') }).strict(),
      z.object({ kind: z.literal('constant'), value: finite('a finite number') }).strict(),
      z
        .object({
          kind: z.literal('uniform'),
          low: finite('a finite number'),
          high: finite('a finite number'),
        })
        .strict(),
      z
        .object({
          kind: z.literal('normal'),
          mean: finite('a finite number'),
          std: positive('a positive number'),
        })
        .strict(),
      z.object({ kind: z.literal('xavierUniform'), gain: positive('a positive number') }).strict(),
      z.object({ kind: z.literal('xavierNormal'), gain: positive('a positive number') }).strict(),
      z
        .object({
          kind: z.literal('kaimingUniform'),
          a: finite('a finite number'),
          mode: enumOf(FAN_MODES),
          nonlinearity: enumOf(NONLINEARITIES),
        })
        .strict(),
      z
        .object({
          kind: z.literal('kaimingNormal'),
          a: finite('a finite number'),
          mode: enumOf(FAN_MODES),
          nonlinearity: enumOf(NONLINEARITIES),
        })
        .strict(),
      z.object({ kind: z.literal('orthogonal'), gain: positive('a positive number') }).strict(),
      z.object({ kind: z.literal('pytorchDefault') }).strict(),
      z
        .object({
          kind: z.literal('custom'),
          distribution: enumOf(['uniform', 'normal'] as const),
          fanMode: enumOf(['fanIn', 'fanOut', 'fanAvg'] as const),
          gain: positive('a positive number'),
          multiplier: finite('a finite number ≥ 0').refine((v) => v >= 0, {
            error: 'must be a finite number ≥ 0',
          }),
        })
        .strict(),
    ],
    {
      error: `must be one of 'zeros', 'constant', 'uniform', 'normal', 'xavierUniform', 'xavierNormal', 'kaimingUniform', 'kaimingNormal', 'orthogonal', 'pytorchDefault', 'custom'`,
    },
  ),
);

const normSchema = builtOnFirstUse(() =>
  z
    .object({
      kind: enumOf(NORM_KINDS),
      /** GroupNorm only: the number of groups G, which must divide the channel count. */
      groups: intIn(1, 4096).optional(),
      /** BatchNorm only: train-mode statistics over ghost batches of this many samples (BatchNormOptions). */
      ghostBatch: intIn(2, 4096).optional(),
    })
    .strict()
    .superRefine((norm, ctx) => {
      if (norm.ghostBatch !== undefined && norm.kind !== 'batchNorm') {
        ctx.addIssue({
          code: 'custom',
          path: ['ghostBatch'],
          input: norm.ghostBatch,
          message: `ghost batches split BatchNorm's batch statistics; '${norm.kind}' has none (use 'batchNorm')`,
        });
      }
    }),
);

export const mlpSpecSchema = builtOnFirstUse(() =>
  z
    .object({
      family: z.literal('mlp'),
      /** Features per sample after flattening (784 for 28×28 MNIST, 2 for the 2-D sets). */
      inputSize: intIn(1, 100_000),
      numClasses: intIn(2, 1000),
      /** Hidden layers: each is Linear(width) + optional norm + activation. */
      depth: intIn(1, 200),
      width: intIn(1, MAX_CHANNELS),
      activation: enumOf(ACTIVATIONS),
      /** LeakyReLU only. */
      negativeSlope: finite('a finite number').optional(),
      norm: normSchema,
      normPlacement: enumOf(NORM_PLACEMENTS),
      init: initSchemeSchema,
      /** Hidden Linear layers get a bias. (The output layer always has one.) */
      bias: z.boolean({ error: 'must be true or false' }),
      /**
       * A residual MLP: a Linear stem to `width`, then `depth` residual blocks of two Linear layers
       * (as the CNN's, with Linear for conv), then the classifier. Absent or false: a plain stack.
       */
      residual: z.boolean({ error: 'must be true or false' }).optional(),
      branchInit: enumOf(BRANCH_INITS).optional(),
      /** Hidden Linear layers standardize each unit's weights (Qiao et al. 2019); absent means false. */
      weightStandardization: z.boolean({ error: 'must be true or false' }).optional(),
    })
    .strict()
    .superRefine((spec, ctx) => {
      checkBranchInit(spec, spec.residual === true, ctx);
      checkWeightStandardization(spec, ctx);
      if (spec.norm.kind === 'instanceNorm') {
        ctx.addIssue({
          code: 'custom',
          path: ['norm', 'kind'],
          input: spec.norm.kind,
          message: `InstanceNorm needs spatial (H×W) inputs, so it is only available for the CNN; choose 'none', 'batchNorm', 'layerNorm' or 'groupNorm'`,
        });
      }
      checkGroups(spec.norm, spec.width, 'width', ctx);
    }),
);

export const cnnSpecSchema = builtOnFirstUse(() =>
  z
    .object({
      family: z.literal('cnn'),
      /** [C, H, W] of one sample. */
      inputShape: z.tuple([intIn(1, 64), intIn(2, 256), intIn(2, 256)], {
        error: 'must be [channels, height, width] with channels 1-64 and height, width 2-256',
      }),
      numClasses: intIn(2, 1000),
      stemChannels: intIn(1, 256),
      /** Residual blocks after the stem (each two 3×3 convs at stemChannels). */
      blocks: intIn(0, 64),
      residual: z.boolean({ error: 'must be true or false' }),
      activation: enumOf(ACTIVATIONS),
      negativeSlope: finite('a finite number').optional(),
      norm: normSchema,
      normPlacement: enumOf(NORM_PLACEMENTS),
      init: initSchemeSchema,
      /** How each residual branch starts (see BranchInit); absent means 'standard'. */
      branchInit: enumOf(BRANCH_INITS).optional(),
      /** Every conv standardizes each output channel's kernel (Qiao et al. 2019); absent means false. */
      weightStandardization: z.boolean({ error: 'must be true or false' }).optional(),
    })
    .strict()
    .superRefine((spec, ctx) => {
      checkBranchInit(spec, spec.residual && spec.blocks > 0, ctx);
      checkWeightStandardization(spec, ctx);
      checkGroups(spec.norm, spec.stemChannels, 'stemChannels', ctx);
    }),
);

/** Whether a branch init can be built: each needs the skip, and each its own kind of normalization. */
function checkBranchInit(
  spec: { branchInit?: BranchInit | undefined; norm: { kind: string }; normPlacement: string },
  residual: boolean,
  ctx: z.RefinementCtx,
): void {
  const init = spec.branchInit ?? 'standard';
  const problem =
    init === 'standard'
      ? undefined
      : !residual
        ? `'${init}' scales residual branches, and this network has none; use 'standard'`
        : init === 'zeroGamma' && (spec.norm.kind === 'none' || spec.normPlacement !== 'before')
          ? `'zeroGamma' zeroes the γ of the norm that ends each branch, which needs a norm placed 'before' the activation`
          : (init === 'fixup' || init === 'reZero') && spec.norm.kind !== 'none'
            ? `'${init}' replaces normalization; it needs norm 'none'`
            : undefined;
  if (problem)
    ctx.addIssue({ code: 'custom', path: ['branchInit'], input: init, message: problem });
}

/**
 * Standardized weights have unit spread per unit whatever the init, so each layer multiplies the
 * signal's variance by about its fan-in: only a normalization after the layer brings it back.
 */
function checkWeightStandardization(
  spec: { weightStandardization?: boolean | undefined; norm: { kind: string } },
  ctx: z.RefinementCtx,
): void {
  if (spec.weightStandardization === true && spec.norm.kind === 'none') {
    ctx.addIssue({
      code: 'custom',
      path: ['weightStandardization'],
      input: true,
      message:
        'standardized weights have unit spread per unit, so each layer multiplies the variance by its fan-in; it needs a normalization (any norm kind but none)',
    });
  }
}

function checkGroups(
  norm: z.infer<typeof normSchema>,
  channels: number,
  field: string,
  ctx: z.RefinementCtx,
): void {
  if (norm.kind !== 'groupNorm') return;
  // zod runs refinements even after a field failed its own range: a width of 1e8 has its own issue,
  // and listing its divisors took 28 s (reliability audit, L5).
  if (!Number.isSafeInteger(channels) || channels < 1 || channels > MAX_CHANNELS) return;
  const groups = norm.groups ?? 1;
  if (channels % groups !== 0) {
    const divisors = divisorsOf(channels);
    ctx.addIssue({
      code: 'custom',
      path: ['norm', 'groups'],
      input: groups,
      message: `must divide ${field} (${channels}); allowed: ${divisors.join(', ')}`,
    });
  }
}

/** The divisors of n in increasing order, found up to √n. */
function divisorsOf(n: number): number[] {
  const low: number[] = [];
  const high: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    low.push(d);
    if (d * d !== n) high.unshift(n / d);
  }
  return [...low, ...high];
}

export const modelSpecSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('family', [mlpSpecSchema, cnnSpecSchema], {
    error: `must be 'mlp' or 'cnn'`,
  }),
);

export type InitScheme = z.infer<typeof initSchemeSchema>;
// The schema and the init module describe the same schemes: a compile error here means they drifted.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesInitModule: Same<InitScheme, EngineInitScheme> = true;
void schemaMatchesInitModule;
export type MlpSpec = z.infer<typeof mlpSpecSchema>;
export type CnnSpec = z.infer<typeof cnnSpecSchema>;
export type ModelSpec = z.infer<typeof modelSpecSchema>;
export type NormSpec = z.infer<typeof normSchema>;

/** Thrown for a spec the engine cannot build; `issues` lists every problem found. */
export class SpecError extends Error {
  constructor(
    readonly issues: readonly string[],
    what = 'model spec',
  ) {
    super(`Invalid ${what}: ${issues.join('; ')}`);
    this.name = 'SpecError';
  }
}

/** Formats a zod error as "field.path: got <value>; <what is allowed>" lines. */
export function describeIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    let value: unknown = input;
    for (const key of issue.path) {
      value =
        value !== null && typeof value === 'object'
          ? (value as Record<PropertyKey, unknown>)[key]
          : undefined;
    }
    if (issue.code === 'unrecognized_keys') {
      return `${path}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    }
    return `${path}: got ${shown(value)}; ${issue.message}`;
  });
}

/** A value as an error message shows it: JSON where it can be, its type where not (BigInt, cycles). */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) return `a ${typeof value}`;
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return Array.isArray(value)
      ? 'a list that cannot be shown'
      : `a ${typeof value} that cannot be shown`;
  }
}

/** Validates any JavaScript value as a model spec; every failure is a SpecError. */
export function parseModelSpec(input: unknown): ModelSpec {
  let result: ReturnType<typeof modelSpecSchema.safeParse>;
  try {
    result = modelSpecSchema.safeParse(input);
  } catch (error) {
    // A value whose getters throw, or a proxy, is not a spec either.
    throw new SpecError([
      `(root): could not be read (${error instanceof Error ? error.name : 'error'})`,
    ]);
  }
  if (!result.success) throw new SpecError(describeIssues(result.error, input));
  return result.data;
}
