import { useAppStore } from '../../store/appStore';
import { canStep, canTrainOn } from '../../store/labRun';
import { selectAnyRunning, selectRuns, selectStopAt } from '../../store/selectors';

/**
 * Train / Pause, Step and Reset for every run at once: the Lab's toolbar and presenter mode's bar
 * show the same three buttons, which act on the same runs by the same rules.
 */
export function TrainStepButtons({ describedBy }: { readonly describedBy?: string }) {
  const runs = useAppStore(selectRuns);
  const anyRunning = useAppStore(selectAnyRunning);
  const stopAt = useAppStore(selectStopAt);
  const actions = useAppStore.getState();
  // Train needs a run short of "Stop at"; Step goes past it on purpose.
  const trainable = runs.some((r) => canTrainOn(r, stopAt));
  const steppable = runs.some(canStep);
  return (
    <>
      <button
        type="button"
        className="nl-button nl-button--primary"
        disabled={!anyRunning && !trainable}
        aria-describedby={describedBy}
        onClick={anyRunning ? actions.pauseAll : actions.trainAll}
      >
        {anyRunning ? 'Pause' : 'Train'}
      </button>
      <button
        type="button"
        className="nl-button"
        disabled={anyRunning || !steppable}
        aria-describedby={describedBy}
        onClick={() => actions.stepAll(1)}
      >
        Step
      </button>
      <button
        type="button"
        className="nl-button"
        aria-describedby={describedBy}
        onClick={actions.resetAll}
      >
        Reset
      </button>
    </>
  );
}
