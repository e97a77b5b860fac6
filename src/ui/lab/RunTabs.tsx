import { useRef, type KeyboardEvent } from 'react';
import { RUN_LETTERS } from '../../lab/labSettings';
import { useAppStore } from '../../store/appStore';
import { runLabels, selectCanAddRun, selectRuns, selectSelectedRun } from '../../store/selectors';
import { runColor } from '../charts/palette';
import { useControlShown } from './labView';
import { statusPhrase } from './runStatusText';

export const RUN_PANEL_ID = 'nl-run-panel';
export const runTabId = (runId: string): string => `nl-run-tab-${runId}`;

/** One tab per run (A–D), arrow keys move between them, and "Add run" after the last. */
export function RunTabs() {
  const runs = useAppStore(selectRuns);
  const selected = useAppStore(selectSelectedRun);
  const canAdd = useAppStore(selectCanAddRun);
  const selectRun = useAppStore((s) => s.selectRun);
  const addRun = useAppStore((s) => s.addRun);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const showRuns = useControlShown('runs');
  const labels = runLabels(runs);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const last = runs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    const run = target === undefined ? undefined : runs[target];
    if (target === undefined || !run) return;
    event.preventDefault();
    selectRun(run.id);
    tabs.current[target]?.focus();
  };

  return (
    <div className="nl-run-tabs">
      <div role="tablist" aria-label="Runs" className="nl-run-tabs__list">
        {runs.map((run, i) => {
          const letter = RUN_LETTERS[i] ?? '?';
          const isSelected = run.id === selected?.id;
          return (
            <button
              key={run.id}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              id={runTabId(run.id)}
              type="button"
              role="tab"
              className="nl-run-tab"
              aria-selected={isSelected}
              aria-controls={RUN_PANEL_ID}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => selectRun(run.id)}
              onKeyDown={(event) => onKeyDown(event, i)}
            >
              <span
                className="nl-run-tab__swatch"
                style={{ background: runColor(letter) }}
                aria-hidden="true"
              />
              <span className="nl-run-tab__text">
                <span className="nl-run-tab__label">{labels.get(run.id) ?? letter}</span>
                <span className={`nl-run-tab__status nl-status--${run.status}`}>
                  {statusPhrase(run)}
                </span>
              </span>
            </button>
          );
        })}
      </div>
      {showRuns ? (
        <>
          <button type="button" className="nl-button" onClick={addRun} disabled={!canAdd}>
            Add run
          </button>
          {!canAdd ? <p className="nl-note">The Lab compares at most four runs.</p> : null}
        </>
      ) : null}
    </div>
  );
}
