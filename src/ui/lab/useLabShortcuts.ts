import { RUN_LETTERS } from '../../lab/labSettings';
import { useAppStore } from '../../store/appStore';
import { canStep } from '../../store/labRun';
import { selectAnyRunning, selectSelectedRun } from '../../store/selectors';
import type { Shortcut } from '../shortcuts/shortcutRegistry';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { isShown } from './classroomControls';
import { togglePresenting, useLabView } from './labView';

const trainable = (): boolean => useAppStore.getState().runs.some(canStep);

/** A classroom link that hides a control turns its keys off too. */
const shown = (control: 'train' | 'runs'): (() => boolean) => {
  return () => isShown(useLabView.getState().shown, control);
};

/** The Lab's keys, for a keyboard or a presenter's clicker; the "?" list shows them all. */
export const LAB_SHORTCUTS: readonly Shortcut[] = [
  {
    keys: [' '],
    label: 'Space',
    description: 'Train or pause every run',
    group: 'Lab',
    enabled: shown('train'),
    run: () => {
      const store = useAppStore.getState();
      if (selectAnyRunning(store)) store.pauseAll();
      else if (trainable()) store.trainAll();
    },
  },
  {
    keys: ['s', 'S'],
    label: 'S',
    description: 'Step every run by one batch (while paused)',
    group: 'Lab',
    enabled: shown('train'),
    run: () => {
      const store = useAppStore.getState();
      if (!selectAnyRunning(store) && trainable()) store.stepAll(1);
    },
  },
  {
    keys: ['r', 'R'],
    label: 'R',
    description: 'Reset every run to its initial weights',
    group: 'Lab',
    enabled: shown('train'),
    run: () => useAppStore.getState().resetAll(),
  },
  {
    keys: ['1', '2', '3', '4'],
    label: '1–4',
    description: 'Select run A, B, C or D',
    group: 'Lab',
    run: (key) => {
      const store = useAppStore.getState();
      const run = store.runs[Number(key) - 1];
      if (run) store.selectRun(run.id);
    },
  },
  {
    keys: ['d', 'D'],
    label: 'D',
    description: 'Duplicate the selected run',
    group: 'Lab',
    enabled: shown('runs'),
    run: () => {
      const store = useAppStore.getState();
      const run = selectSelectedRun(store);
      if (run && store.runs.length < RUN_LETTERS.length) store.duplicateRun(run.id);
    },
  },
  {
    keys: ['p', 'P'],
    label: 'P',
    description: 'Turn presenter mode on or off',
    group: 'Lab',
    run: togglePresenting,
  },
];

export function useLabShortcuts(): void {
  useShortcuts(LAB_SHORTCUTS);
}
