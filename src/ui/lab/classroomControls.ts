/**
 * The Lab's controls an instructor can show or hide in a classroom link (as TensorFlow Playground's
 * "use it in classroom" box does): the link's `show=` lists the ones students see.
 */
export const CLASSROOM_CONTROLS = [
  'train',
  'speed',
  'runs',
  'data',
  'network',
  'normalization',
  'initialization',
  'training',
  'panels',
  'share',
] as const;
export type ClassroomControl = (typeof CLASSROOM_CONTROLS)[number];

export const CLASSROOM_CONTROL_LABELS: Readonly<Record<ClassroomControl, string>> = {
  train: 'Train, Step and Reset',
  speed: 'Speed',
  runs: 'Run tabs, Add, Duplicate and Remove run',
  data: 'Data settings',
  network: 'Network settings',
  normalization: 'Normalization settings',
  initialization: 'Initialization settings',
  training: 'Training settings (optimizer, learning rate, batch size)',
  panels: 'Choose panels',
  share: 'Copy link, Share with the room and Present',
};

/** Whether a control is shown: every control when the link chose none (`shown` null). */
export function isShown(
  shown: readonly ClassroomControl[] | null,
  control: ClassroomControl,
): boolean {
  return shown === null || shown.includes(control);
}
