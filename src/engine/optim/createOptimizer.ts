import type { Param } from '../layers/layer';
import { Adam, AdamW } from './adam';
import type { Optimizer } from './optimizer';
import { SGD } from './sgd';

/**
 * The serialisable description of an optimizer that a run config carries. Optional fields accept
 * an explicit undefined, so a schema-parsed object (zod's `.optional()`) fits as it is.
 */
export type OptimizerSpec =
  | {
      readonly kind: 'sgd';
      readonly lr: number;
      readonly momentum: number;
      readonly nesterov?: boolean | undefined;
      readonly weightDecay?: number | undefined;
    }
  | { readonly kind: 'adam'; readonly lr: number; readonly weightDecay?: number | undefined }
  | { readonly kind: 'adamw'; readonly lr: number; readonly weightDecay?: number | undefined };

export function createOptimizer(params: readonly Param[], spec: OptimizerSpec): Optimizer {
  switch (spec.kind) {
    case 'sgd':
      return new SGD(params, {
        lr: spec.lr,
        momentum: spec.momentum,
        nesterov: spec.nesterov ?? false,
        weightDecay: spec.weightDecay ?? 0,
      });
    case 'adam':
      return new Adam(params, { lr: spec.lr, weightDecay: spec.weightDecay ?? 0 });
    case 'adamw':
      return spec.weightDecay === undefined
        ? new AdamW(params, { lr: spec.lr })
        : new AdamW(params, { lr: spec.lr, weightDecay: spec.weightDecay });
    default: {
      // Reachable from untyped data (a URL, a saved run).
      const unknown: never = spec;
      throw new Error(
        `createOptimizer: unknown optimizer kind '${String((unknown as { kind?: unknown }).kind)}'; expected 'sgd', 'adam' or 'adamw'`,
      );
    }
  }
}
