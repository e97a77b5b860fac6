/**
 * What a depth-probe widget's default settings must show, by configuration: the signal-propagation
 * facts the lessons teach (Kaiming keeps ReLU nets steady, Xavier halves the variance per ReLU layer,
 * zero init is flat zero, …). A configuration not listed here fails the test until its expected
 * picture is added, so no widget ships showing something nobody checked.
 */
import { expect } from 'vitest';
import type { DepthProbeReading } from '../../src/lessons/widgets/depthProbeSetup';
import type { DepthProbeWidget } from '../../src/lessons/widgets/depthProbeSetup';

export interface DepthProbeExpectation {
  readonly description: string;
  readonly check: (reading: DepthProbeReading) => void;
}

const RELU_FAMILY = ['relu', 'leakyRelu'];

const within = (lo: number, hi: number, what: string) => (value: number) => {
  expect(value, what).toBeGreaterThanOrEqual(lo);
  expect(value, what).toBeLessThanOrEqual(hi);
};

export function depthProbeExpectation(widget: DepthProbeWidget): DepthProbeExpectation {
  const { activation, init, norm } = widget;
  const combo = `${activation} + ${init}${norm === 'none' ? '' : ` + ${norm}`}${widget.residual === true ? ' + skip connections' : ''}`;
  const stdRatio = (r: DepthProbeReading) => r.activations.ratio;

  if (widget.residual === true) {
    if (norm === 'batchNorm' && init === 'kaimingNormal' && RELU_FAMILY.includes(activation)) {
      // Yang et al. 2019: the plain BatchNorm stack's backward growth (about ×1.2 per layer) is
      // carried past each branch by the identity path, so it stays far below its plain value.
      return {
        description: `${combo} lets the gradient grow by under ×1.1 per layer`,
        check: (r) => {
          within(1, 1.1, 'gradient factor per layer')(r.gradients.perLayer);
          expect(r.activations.trend, 'activation trend').not.toBe('overflow');
        },
      };
    }
    if (norm === 'none' && init === 'kaimingNormal' && RELU_FAMILY.includes(activation)) {
      return {
        description: `${combo} grows with every layer`,
        check: (r) => expect(stdRatio(r), 'last/first activation std').toBeGreaterThan(1e3),
      };
    }
  } else if (norm === 'batchNorm' && init === 'kaimingNormal' && RELU_FAMILY.includes(activation)) {
    return {
      description: `${combo} keeps the std within 0.5–2× while the gradient grows over ×1.15 per layer`,
      check: (r) => {
        within(0.5, 2, 'last/first activation std')(stdRatio(r));
        within(1.15, 1.3, 'gradient factor per layer')(r.gradients.perLayer);
      },
    };
  }

  if (init === 'zeros') {
    return {
      description: `${combo} is flat zero`,
      check: (r) => {
        expect(r.activations.trend).toBe('zero');
        expect(r.activations.first).toBe(0);
        expect(r.activations.last).toBe(0);
      },
    };
  }
  if (norm !== 'none') {
    return {
      description: `${combo} keeps the std within 0.5–2×`,
      check: (r) => within(0.5, 2, 'last/first activation std')(stdRatio(r)),
    };
  }
  if (init === 'kaimingNormal' && (RELU_FAMILY.includes(activation) || activation === 'tanh')) {
    return {
      description: `${combo} keeps the std within 0.5–2×`,
      check: (r) => within(0.5, 2, 'last/first activation std')(stdRatio(r)),
    };
  }
  if (init === 'xavierNormal' && RELU_FAMILY.includes(activation)) {
    return {
      description: `${combo} shrinks the std by about 1/√2 per layer`,
      check: (r) => within(0.65, 0.77, 'activation std factor per layer')(r.activations.perLayer),
    };
  }
  if (init === 'xavierNormal' && activation === 'tanh') {
    return {
      description: `${combo} shrinks the std only slowly (over 0.9× per layer)`,
      check: (r) => within(0.9, 1, 'activation std factor per layer')(r.activations.perLayer),
    };
  }
  if (init === 'xavierNormal' && activation === 'sigmoid') {
    return {
      description: `${combo} keeps the std within a factor of 3 while the gradient vanishes`,
      // sigmoid′ ≤ ¼: the backward factor is about ¼ per layer whatever the forward spread does
      check: (r) => {
        within(1 / 3, 3, 'last/first activation std')(stdRatio(r));
        within(0, 0.5, 'gradient factor per layer')(r.gradients.perLayer);
      },
    };
  }
  if (init === 'pytorchDefault' && RELU_FAMILY.includes(activation)) {
    return {
      description: `${combo} shrinks the std by about 1/√6 per layer`,
      // Var(w) = 1/(3·fan_in) and ReLU halves the second moment: × 1/6 in variance per layer
      check: (r) => within(0.36, 0.46, 'activation std factor per layer')(r.activations.perLayer),
    };
  }
  if (init === 'tooLarge' && [...RELU_FAMILY, 'gelu'].includes(activation)) {
    return {
      description: `${combo} explodes`,
      check: (r) => {
        if (r.activations.trend !== 'overflow') {
          expect(stdRatio(r), 'last/first activation std').toBeGreaterThan(1e3);
        }
      },
    };
  }
  if (init === 'tooSmall' && activation !== 'sigmoid') {
    return {
      description: `${combo} vanishes`,
      check: (r) => expect(stdRatio(r), 'last/first activation std').toBeLessThan(1e-3),
    };
  }
  return {
    description: `${combo} has a known picture`,
    check: () => {
      throw new Error(
        `No expected picture is recorded for a depth probe with ${combo}: add what the lesson text claims about it to test/lessons/depthProbeExpectations.ts`,
      );
    },
  };
}
