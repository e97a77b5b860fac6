/**
 * The Lab's labelled controls as a learner finds them, by role and name: the component tests check
 * each has a hint, the browser tests that each is reached by keyboard.
 */
export const LAB_SELECTS = [
  'Dataset',
  'Architecture',
  'Activation',
  'Normalization',
  'Weight init',
  'Optimizer',
  'Validation mode',
  'Speed',
] as const;

export const LAB_NUMBER_BOXES = [
  'Hidden layers',
  'Units per layer',
  'Batch size',
  'Seed',
  'Noise',
] as const;
