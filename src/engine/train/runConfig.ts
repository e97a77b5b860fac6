import { z } from '../zod';
import { describeIssues, modelSpecSchema, SpecError, type ModelSpec } from '../model/spec';

const lr = z
  .number({ error: 'must be a number from 1e-6 to 10' })
  .min(1e-6, { error: 'must be a number from 1e-6 to 10' })
  .max(10, { error: 'must be a number from 1e-6 to 10' });

const fraction = (what: string) =>
  z
    .number({ error: `must be ${what}` })
    .min(0, { error: `must be ${what}` })
    .max(0.999, { error: `must be ${what}` });

const decay = z
  .number({ error: 'must be a number from 0 to 1' })
  .min(0, { error: 'must be a number from 0 to 1' })
  .max(1, { error: 'must be a number from 0 to 1' });

export const optimizerSpecSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('sgd'),
        lr,
        momentum: fraction('a number from 0 to 0.999'),
        nesterov: z.boolean({ error: 'must be true or false' }).optional(),
        weightDecay: decay.optional(),
      })
      .strict(),
    z.object({ kind: z.literal('adam'), lr, weightDecay: decay.optional() }).strict(),
    z.object({ kind: z.literal('adamw'), lr, weightDecay: decay.optional() }).strict(),
  ],
  { error: `must be 'sgd', 'adam' or 'adamw'` },
);

/** Everything that determines a training run, apart from the data itself. */
export const runConfigSchema = z
  .object({
    model: modelSpecSchema,
    optimizer: optimizerSpecSchema,
    batchSize: z
      .number({ error: 'must be a whole number from 1 to 512' })
      .int({ error: 'must be a whole number from 1 to 512' })
      .min(1, { error: 'must be a whole number from 1 to 512' })
      .max(512, { error: 'must be a whole number from 1 to 512' }),
    /** Seeds the initial weights and the data order (as two independent streams). */
    seed: z
      .number({ error: 'must be a whole number from 0 to 4294967295' })
      .int({ error: 'must be a whole number from 0 to 4294967295' })
      .min(0, { error: 'must be a whole number from 0 to 4294967295' })
      .max(4294967295, { error: 'must be a whole number from 0 to 4294967295' }),
  })
  .strict();

export type OptimizerSpec = z.infer<typeof optimizerSpecSchema>;
export type RunConfig = z.infer<typeof runConfigSchema> & { model: ModelSpec };

export function parseRunConfig(input: unknown): RunConfig {
  const result = runConfigSchema.safeParse(input);
  if (!result.success) throw new SpecError(describeIssues(result.error, input), 'run config');
  return result.data;
}
