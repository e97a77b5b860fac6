import { RUN_LETTERS } from '../../lab/labSettings';
import { useAppStore } from '../../store/appStore';
import { describeStopAt } from '../../lab/stopAt';
import { runLabels, selectRuns, selectSelectedRun, selectStopAt } from '../../store/selectors';
import { presenterRunColor } from '../present/presenterPalette';
import { openShortcutList } from '../shortcuts/ShortcutList';
import { LabShareWithRoom } from './LabShareWithRoom';
import { setPresenting, useControlShown } from './labView';
import { PanelToggles } from './PanelToggles';
import { StopAtField } from './StopAtField';
import { TrainStepButtons } from './TrainStepButtons';

/**
 * Presenter mode's one compact bar: Train/Pause, Step, Reset, the run to look inside, where training
 * stops by itself, the panels, the shortcut list and the way back. Everything else of the Lab's controls waits until presenting ends.
 */
export function PresenterBar() {
  const runs = useAppStore(selectRuns);
  const selected = useAppStore(selectSelectedRun);
  const actions = useAppStore.getState();
  const labels = runLabels(runs);
  const showTrain = useControlShown('train');
  const showStop = useControlShown('stop');
  const stopAt = useAppStore(selectStopAt);
  return (
    <div className="nl-presenter-bar" role="toolbar" aria-label="Presenter controls">
      {showTrain ? <TrainStepButtons /> : null}
      <div className="nl-presenter-bar__runs" role="group" aria-label="Run to look inside">
        {runs.map((run, i) => {
          const letter = RUN_LETTERS[i] ?? '?';
          return (
            <button
              key={run.id}
              type="button"
              className="nl-button nl-presenter-bar__run"
              aria-pressed={run.id === selected?.id}
              aria-label={`Inside run ${labels.get(run.id) ?? letter}`}
              onClick={() => actions.selectRun(run.id)}
            >
              <span
                className="nl-run-tab__swatch"
                style={{ background: presenterRunColor(letter, true) }}
                aria-hidden="true"
              />
              {letter}
            </button>
          );
        })}
      </div>
      {showStop ? (
        <details className="nl-panel-toggles">
          <summary>{`Stop at: ${stopAt ? describeStopAt(stopAt) : 'never'}`}</summary>
          <div>
            <StopAtField />
          </div>
        </details>
      ) : null}
      <PanelToggles />
      <LabShareWithRoom />
      <button type="button" className="nl-button nl-button--quiet" onClick={openShortcutList}>
        Shortcuts (?)
      </button>
      <button
        type="button"
        className="nl-button nl-button--quiet"
        onClick={() => setPresenting(false)}
      >
        Leave presenter mode
      </button>
    </div>
  );
}
