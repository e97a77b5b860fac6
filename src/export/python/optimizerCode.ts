import type { OptimizerSpec } from '../../engine/train/runConfig';
import { pyBool, pyFloat, pyNumber } from './pythonText';
import { refuse } from './refusal';

/** The optimizer with the engine's exact hyper-parameters (PyTorch's defaults where the app keeps them). */
export function optimizerCode(spec: OptimizerSpec): string {
  const wd = spec.weightDecay;
  switch (spec.kind) {
    case 'sgd': {
      const extras = [
        ...(spec.nesterov === true ? [`nesterov=${pyBool(true)}`] : []),
        ...(wd !== undefined && wd !== 0 ? [`weight_decay=${pyFloat(wd)}`] : []),
      ];
      return `torch.optim.SGD(model.parameters(), lr=${pyNumber(spec.lr)}, momentum=${pyNumber(spec.momentum)}${extras.map((e) => `, ${e}`).join('')})`;
    }
    case 'adam':
      // betas (0.9, 0.999) and eps 1e-8: PyTorch's defaults, which the app uses too
      return `torch.optim.Adam(model.parameters(), lr=${pyNumber(spec.lr)}${wd !== undefined && wd !== 0 ? `, weight_decay=${pyFloat(wd)}` : ''})`;
    case 'adamw':
      return `torch.optim.AdamW(model.parameters(), lr=${pyNumber(spec.lr)}, weight_decay=${pyFloat(wd ?? 0.01)})`;
    default:
      return refuse('the optimizer', (spec as { kind?: unknown }).kind, ['sgd', 'adam', 'adamw']);
  }
}
