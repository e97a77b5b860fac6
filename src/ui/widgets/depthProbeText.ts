/** Sentences that say what a depth probe shows, for the widget's caption and for screen readers. */
import { PROBE_SETTINGS, probeNormText } from '../../lab/probeSettings';
import {
  type DepthProbeChoice,
  type DepthProbeReading,
  type SignalReading,
} from '../../lessons/widgets/depthProbeSetup';
import { formatNumber } from '../charts/format';

/** "50 layers of width 256, ReLU, Kaiming (He) normal, no normalization". */
export function probeSettingText(choice: DepthProbeChoice): string {
  const { activation, init } = PROBE_SETTINGS;
  return `${choice.depth} ${choice.depth === 1 ? 'layer' : 'layers'} of width ${choice.width}, ${activation.valueLabel(choice.activation)}, ${init.valueLabel(choice.init)} init, ${probeNormText(choice.norm)}${choice.residual ? ', skip connections' : ''}`;
}

const factor = (s: SignalReading) => `×${formatNumber(s.perLayer)} per layer`;

function activationSentence(a: SignalReading, depth: number): string {
  switch (a.trend) {
    case 'zero':
      return `Every layer outputs exactly zero: the activation std is 0 at all ${depth} layers.`;
    case 'overflow':
      return `The activations grow until they overflow: from layer ${a.overflowAt} on they are no longer finite numbers.`;
    case 'steady':
      return `The activation std stays roughly constant: ${formatNumber(a.first)} at layer 1, ${formatNumber(a.last)} at layer ${depth} (${factor(a)}).`;
    case 'shrinks':
      return a.last === 0
        ? `The activation std shrinks from ${formatNumber(a.first)} at layer 1 to exactly 0 at layer ${depth}: the signal has died out.`
        : `The activation std shrinks from ${formatNumber(a.first)} at layer 1 to ${formatNumber(a.last)} at layer ${depth}: ${factor(a)}.`;
    case 'grows':
      return `The activation std grows from ${formatNumber(a.first)} at layer 1 to ${formatNumber(a.last)} at layer ${depth}: ${factor(a)}.`;
  }
}

function gradientSentence(g: SignalReading, depth: number): string {
  const from = `from ${formatNumber(g.first)} at layer ${depth}`;
  switch (g.trend) {
    case 'zero':
      return 'The gradient is exactly zero at every layer: nothing can learn.';
    case 'overflow':
      return `Going backwards, the gradient overflows at layer ${g.overflowAt}.`;
    case 'steady':
      return `Going backwards, the gradient at the layer outputs ‖∂L/∂h‖ stays roughly constant, ${from} to ${formatNumber(g.last)} at layer 1.`;
    case 'shrinks':
      return g.last === 0
        ? `Going backwards, the gradient at the layer outputs ‖∂L/∂h‖ falls ${from} to exactly 0 at layer 1: the early layers get no learning signal.`
        : `Going backwards, the gradient at the layer outputs ‖∂L/∂h‖ vanishes ${from} to ${formatNumber(g.last)} at layer 1 (${factor(g)}).`;
    case 'grows':
      return `Going backwards, the gradient at the layer outputs ‖∂L/∂h‖ explodes ${from} to ${formatNumber(g.last)} at layer 1 (${factor(g)}).`;
  }
}

/**
 * The weights' gradient ∂L/∂W = δ·hᵀ multiplies the back-propagated gradient by the layer's input, so it
 * need not follow ‖∂L/∂h‖: the sentence says which of the two it does, and why.
 */
function weightGradientSentence(reading: DepthProbeReading, depth: number): string {
  const w = reading.weightGradients;
  const g = reading.gradients;
  if (w.trend === 'zero' || w.trend === 'overflow' || g.trend === 'zero') return '';
  const values = `${formatNumber(w.first)} at layer ${depth}, ${formatNumber(w.last)} at layer 1`;
  if (w.trend === 'steady' && g.trend === 'shrinks') {
    return `The weights' gradient ‖∂L/∂W‖ is level (${values}): it is the gradient at the output times the layer's input, and the shrinking input cancels the shrinking gradient, so every layer gets the same small step.`;
  }
  if (w.trend === g.trend) {
    return `The weights' gradient ‖∂L/∂W‖ follows it (${values}), because the layer inputs it is multiplied by keep their size.`;
  }
  return `The weights' gradient ‖∂L/∂W‖ goes from ${values}: it is the gradient at the output times the layer's input, so the forward signal shapes it too.`;
}

/** What the probe shows: forward, backward at the layer outputs, and the weights' gradient. */
export function probeReadingText(reading: DepthProbeReading, depth: number): string {
  if (depth === 1) {
    return `With a single layer there is no depth to compound over: activation std ${formatNumber(reading.activations.first)}, gradient norm ${formatNumber(reading.gradients.first)}.`;
  }
  return [
    activationSentence(reading.activations, depth),
    gradientSentence(reading.gradients, depth),
    weightGradientSentence(reading, depth),
  ]
    .filter(Boolean)
    .join(' ');
}
