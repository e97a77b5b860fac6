/**
 * The view settings, written once beside the run settings (settingsRegistry.ts): not what a run
 * trains, but how it is looked at. Each has its label and hint, its link parameter and its choices or
 * limits. The Lab's link (src/ui/lab/labViewUrl.ts) is read and written with them, and the Lab's
 * controls (the panel toggles, the loss chart's log scale and smoothing, the Present button) and the
 * lessons' loss charts and Present buttons take their words and choices from them.
 */
import type { UrlNotice } from './urlState';

/** The Lab's chart panels, in the page's order, each of which the learner can hide. */
export const PANEL_IDS = [
  'loss',
  'boundary',
  'activations',
  'activationHeatmap',
  'gradients',
  'weights',
  'updates',
  'weightNorms',
  'batchNorm',
  'depthProbe',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export const PANELS: Readonly<Record<PanelId, { readonly label: string; readonly hint: string }>> =
  {
    loss: { label: 'Loss curves', hint: 'Training and validation loss of every run.' },
    boundary: {
      label: 'Predictions',
      hint: 'The decision boundary (2-D sets) or test digits with their predicted labels (MNIST).',
    },
    activations: {
      label: 'Activation histograms',
      hint: "Each layer's outputs at the latest step.",
    },
    activationHeatmap: {
      label: 'Activations over time',
      hint: "How each layer's output distribution moves during training.",
    },
    gradients: { label: 'Gradient norms', hint: 'How much gradient reaches each layer.' },
    weights: { label: 'Weight histograms', hint: "Each layer's weights against the init scheme." },
    updates: { label: 'Update ratios', hint: 'How large each step is relative to the weights.' },
    weightNorms: {
      label: 'Weight norms',
      hint: "Each layer's weight norm, its relative step and its effective learning rate.",
    },
    batchNorm: { label: 'BatchNorm statistics', hint: 'Running and batch means and variances.' },
    depthProbe: {
      label: 'Signal at initialization',
      hint: 'How activations and gradients change with depth in the untrained network.',
    },
  };

export const ALL_PANELS_SHOWN = Object.fromEntries(PANEL_IDS.map((p) => [p, true])) as Readonly<
  Record<PanelId, boolean>
>;

/** The largest smoothing weight: beyond it the curve lags the data by hundreds of steps. */
export const MAX_SMOOTHING = 0.99;
/** Where presenter mode starts: four noisy per-batch curves become four readable lines. */
export const PRESENTER_SMOOTHING = 0.9;

/** A smoothing weight a chart can use: in [0, MAX_SMOOTHING] (anything else reads as 0 or the top). */
export function clampSmoothing(weight: number): number {
  if (!Number.isFinite(weight) || weight <= 0) return 0;
  return Math.min(MAX_SMOOTHING, weight);
}

interface ViewSetting {
  /** The link's parameter: `#/lab?…&log=1`. */
  readonly param: string;
  readonly label: string;
  readonly hint: string;
}

export const VIEW_SETTINGS = {
  presenting: {
    param: 'present',
    label: 'Present',
    hint: 'large charts and one compact bar for a projector',
  },
  panels: {
    param: 'panels',
    label: 'Choose panels',
    hint: 'Panels to show',
    choices: PANEL_IDS,
  },
  logScale: {
    param: 'log',
    label: 'Log scale for loss',
    hint: 'Spreads out small losses so progress late in training stays visible.',
  },
  smoothing: {
    param: 'smooth',
    label: 'Smoothing',
    hint: 'Exponential moving average of the training loss; the raw per-batch curve stays faint behind.',
    min: 0,
    max: MAX_SMOOTHING,
    /** The weights a menu offers; a link may ask for another, which the menu then lists too. */
    choices: [0, 0.6, 0.8, 0.9, 0.95, MAX_SMOOTHING],
  },
} as const;

/** An on/off view setting from a link's text ('1', 'true', '0', 'false'); else `fallback`, noticed. */
export function readFlag(
  setting: ViewSetting,
  text: string,
  notices: UrlNotice[],
  fallback: boolean,
): boolean {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  notices.push({
    param: setting.param,
    message: `${setting.param}=${text.slice(0, 40)} is not 1 or 0; used ${fallback ? 1 : 0}`,
  });
  return fallback;
}

/** A comma list of names from `allowed`; unknown names are reported and left out. */
export function readNameList<T extends string>(
  param: string,
  text: string,
  allowed: readonly T[],
  notices: UrlNotice[],
): T[] {
  const chosen: T[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    if ((allowed as readonly string[]).includes(item)) {
      if (!chosen.includes(item as T)) chosen.push(item as T);
    } else {
      notices.push({
        param,
        message: `${param}: '${item.slice(0, 40)}' is not one of ${allowed.join(', ')}; ignored`,
      });
    }
  }
  return chosen;
}

/** The smoothing weight a link asks for, or null (the mode's default) when it asks for none it can use. */
export function readSmoothing(text: string, notices: UrlNotice[]): number | null {
  const { param, min, max } = VIEW_SETTINGS.smoothing;
  const value = Number(text);
  if (text !== '' && Number.isFinite(value) && value >= min && value <= max) return value;
  notices.push({
    param,
    message: `${param}=${text.slice(0, 40)} is not a number from ${min} to ${max}; used the default`,
  });
  return null;
}

/** The panels a link shows; every panel when it names none, noticed. */
export function readPanels(text: string, notices: UrlNotice[]): Readonly<Record<PanelId, boolean>> {
  const { param, choices } = VIEW_SETTINGS.panels;
  const chosen = readNameList(param, text, choices, notices);
  if (chosen.length === 0) {
    notices.push({ param, message: `${param} names no panel; showed every panel` });
    return ALL_PANELS_SHOWN;
  }
  return Object.fromEntries(choices.map((p) => [p, chosen.includes(p)])) as Record<
    PanelId,
    boolean
  >;
}
