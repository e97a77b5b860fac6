import type { z } from '../engine/zod';

/**
 * A lesson block whose choices mark exactly one (a quiz's `correct`, a prediction's `expected`):
 * reports at `choices` how many are marked when that is not one.
 */
export function checkOneMarked<C>(
  choices: readonly C[],
  marked: (choice: C) => boolean,
  word: string,
  ctx: z.RefinementCtx,
): void {
  const count = choices.filter(marked).length;
  if (count !== 1)
    ctx.addIssue({
      code: 'custom',
      path: ['choices'],
      message: `must mark exactly one choice ${word}, found ${count}`,
    });
}
