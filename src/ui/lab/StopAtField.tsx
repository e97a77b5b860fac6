import { useState } from 'react';
import {
  describeStopAt,
  reachedStop,
  STOP_AT_HINT,
  STOP_AT_LABEL,
  STOP_LIMITS,
  type StopUnit,
} from '../../lab/stopAt';
import { useAppStore } from '../../store/appStore';
import { canStep } from '../../store/labRun';
import { selectRuns, selectStopAt } from '../../store/selectors';
import { NumberField } from './fields/NumberField';
import { SelectField } from './fields/SelectField';
import { formatCount } from '../../lab/formatNumber';

type StopChoice = 'never' | StopUnit;

const CHOICES: readonly { value: StopChoice; label: string }[] = [
  { value: 'never', label: 'Never (train until paused)' },
  { value: 'steps', label: 'A number of steps' },
  { value: 'epochs', label: 'A number of epochs' },
];

/** What a new target starts at: long enough to see a 2-D run settle, a few passes over MNIST. */
const FIRST_COUNT: Readonly<Record<StopUnit, number>> = { steps: 500, epochs: 5 };

const COUNT_LABELS: Readonly<Record<StopUnit, { label: string; hint: string }>> = {
  steps: { label: 'Steps to stop at', hint: 'Every run pauses by itself at this step.' },
  epochs: {
    label: 'Epochs to stop at',
    hint: 'Every run pauses after this many passes over its training data.',
  },
};

/**
 * The Lab's "Stop at": never, or a step or epoch count at which every run stops by itself (the
 * target goes to the workers with Train; src/lab/stopAt.ts). In the link as `stop=`.
 */
export function StopAtField() {
  const stopAt = useAppStore(selectStopAt);
  const runs = useAppStore(selectRuns);
  const setStopAt = useAppStore((s) => s.setStopAt);
  // The count of each unit is remembered while the other unit (or Never) is chosen.
  const [counts, setCounts] = useState<Record<StopUnit, number>>(() => ({
    ...FIRST_COUNT,
    ...(stopAt ? { [stopAt.unit]: stopAt.count } : {}),
  }));
  const choose = (choice: StopChoice): void => {
    setStopAt(choice === 'never' ? null : { unit: choice, count: counts[choice] });
  };
  const setCount = (unit: StopUnit, count: number): void => {
    setCounts((previous) => ({ ...previous, [unit]: count }));
    setStopAt({ unit, count });
  };
  const live = runs.filter(canStep);
  const allThere = stopAt !== null && live.length > 0 && live.every((r) => reachedStop(stopAt, r));

  return (
    <div className="nl-stop-at">
      <SelectField
        label={STOP_AT_LABEL}
        hint={STOP_AT_HINT}
        value={stopAt?.unit ?? 'never'}
        choices={CHOICES}
        onChange={choose}
      />
      {stopAt ? (
        <NumberField
          key={`${stopAt.unit}-${stopAt.count}`}
          label={COUNT_LABELS[stopAt.unit].label}
          hint={`${COUNT_LABELS[stopAt.unit].hint} (1 to ${formatCount(STOP_LIMITS[stopAt.unit])})`}
          value={stopAt.count}
          min={1}
          max={STOP_LIMITS[stopAt.unit]}
          integer
          onChange={(count) => setCount(stopAt.unit, count)}
        />
      ) : null}
      <p className="nl-note" role="status">
        {allThere
          ? `Every run has reached ${describeStopAt(stopAt)}: raise the count, choose Never or press Reset to train again.`
          : ''}
      </p>
    </div>
  );
}
