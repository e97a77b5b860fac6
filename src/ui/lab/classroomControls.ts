import type { SettingKey } from '../../lab/labSettings';
import { SETTING_GROUPS, SETTING_KEYS, SETTINGS } from '../../lab/settingsRegistry';

/**
 * The controls a classroom link can show or hide (as TensorFlow Playground's "use it in classroom"
 * box does): the Lab's own controls, then every run setting, named by its URL parameter and described
 * by the settings registry, so a setting added there is offered here with no list to keep in step.
 * The link's `show=` lists the controls students see: `show=train,norm,init,lr`.
 */
export const LAB_CONTROLS = [
  {
    id: 'train',
    label: 'Train, Step and Reset',
    hint: 'The buttons and their keys (Space, S, R).',
  },
  { id: 'speed', label: 'Speed', hint: 'The steps-per-second limit.' },
  { id: 'stop', label: 'Stop at', hint: 'The step or epoch count where training stops by itself.' },
  {
    id: 'runs',
    label: 'Add, Duplicate and Remove run',
    hint: 'Changing how many runs there are (D too); the run tabs always show.',
  },
  { id: 'panels', label: 'Choose panels', hint: 'Which charts are shown.' },
  {
    id: 'share',
    label: 'Copy link, Share with the room, Present and Classroom link',
    hint: 'The sharing and presenting buttons.',
  },
] as const;
export type LabControl = (typeof LAB_CONTROLS)[number]['id'];

/** A Lab control's id, or a setting's URL parameter ('lr', 'norm'). */
export type ClassroomControl = string;

export interface ControlGroup {
  readonly legend: string;
  readonly controls: readonly {
    readonly id: ClassroomControl;
    readonly label: string;
    readonly hint: string;
  }[];
}

/** The picker's groups: the Lab's controls, then the settings in the registry's groups. */
export const CLASSROOM_GROUPS: readonly ControlGroup[] = [
  { legend: 'Lab controls', controls: LAB_CONTROLS },
  ...SETTING_GROUPS.map((group) => ({
    legend: `${group.legend} settings`,
    controls: SETTING_KEYS.filter((key) => SETTINGS[key].group === group.id).map((key) => ({
      id: SETTINGS[key].param,
      label: SETTINGS[key].label,
      hint: SETTINGS[key].hint,
    })),
  })),
];

/** Every control a link may name, in the picker's order (which is also the link's). */
export const CLASSROOM_CONTROLS: readonly ClassroomControl[] = CLASSROOM_GROUPS.flatMap((group) =>
  group.controls.map((c) => c.id),
);

/** Whether a control is shown: every control when the link chose none (`shown` null). */
export function isShown(shown: readonly ClassroomControl[] | null, control: LabControl): boolean {
  return shown === null || shown.includes(control);
}

/** Whether a setting's control is shown. */
export function isSettingShown(
  shown: readonly ClassroomControl[] | null,
  key: SettingKey,
): boolean {
  return shown === null || shown.includes(SETTINGS[key].param);
}

/** How many controls a classroom link hides (0 for an ordinary link). */
export function hiddenCount(shown: readonly ClassroomControl[] | null): number {
  return shown === null ? 0 : CLASSROOM_CONTROLS.filter((c) => !shown.includes(c)).length;
}
