import { useAppStore } from '../../store/appStore';
import { selectAnyRunning, selectRuns } from '../../store/selectors';

/**
 * Train / Pause, Step and Reset for every run at once: the Lab's toolbar and presenter mode's bar
 * show the same three buttons, which act on the same runs by the same rules.
 */
export function TrainStepButtons({ describedBy }: { readonly describedBy?: string }) {
  const runs = useAppStore(selectRuns);
  const anyRunning = useAppStore(selectAnyRunning);
  const actions = useAppStore.getState();
  const trainable = runs.some((r) => r.status !== 'diverged' && r.status !== 'error');
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
        disabled={anyRunning || !trainable}
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
