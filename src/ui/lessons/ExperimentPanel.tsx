import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useChartView } from '../present/chartView';
import { PresenterView } from '../present/PresenterView';
import { useShortcuts } from '../shortcuts/useShortcuts';
import type { SettingKey } from '../../lab/labSettings';
import { VIEW_SETTINGS } from '../../lab/viewSettings';
import { labHash } from '../../lab/urlState';
import type { ChartKind, Experiment } from '../../lessons/schema';
import { ExperimentCharts } from './ExperimentCharts';
import { RunProgressList } from './RunProgressList';
import { RunSettingsEditor } from './RunSettingsEditor';
import {
  EXPERIMENT_ID_ATTRIBUTE,
  leavePresentedExperiment,
  presentExperiment,
  PRESENT_EXPERIMENT_SHORTCUT,
  usePresentedExperiment,
} from './presentedExperiment';
import { setupSummary } from './setupSummary';
import { FINISHED_NOTE, pressSpace } from './spaceKey';
import type { ExperimentRuns } from './useExperimentRuns';
import { describeDifferences } from '../../lab/describeDifferences';
import { RUN_LETTERS } from '../../lab/labSettings';
import { formatCount } from '../../lab/formatNumber';

export interface ExperimentPanelProps {
  readonly experiment: Experiment;
  readonly live: ExperimentRuns;
  /** The settings the learner may change here. */
  readonly editable: readonly SettingKey[];
  /** Shown between the run progress and the charts (the claim's status). */
  readonly status?: ReactNode;
  readonly onChartViewed?: ((chart: ChartKind) => void) | undefined;
}

function primaryLabel(phase: ExperimentRuns['phase']): string {
  switch (phase) {
    case 'idle':
      return 'Run experiment';
    case 'running':
      return 'Pause';
    case 'paused':
      return 'Resume';
    case 'finished':
      return 'Run again';
  }
}

function phaseAnnouncement(live: ExperimentRuns, steps: number): string {
  const count = live.runs.length;
  switch (live.phase) {
    case 'idle':
      return '';
    case 'running':
      return `Training ${count} run${count === 1 ? '' : 's'} for ${formatCount(steps)} steps.`;
    case 'paused':
      return 'Paused.';
    case 'finished':
      return 'Training finished.';
  }
}

/**
 * The runs of an experiment with their settings, buttons, progress and charts. Presented (its Present
 * button, or `P` while it is in view) it is laid over the lesson in presenter mode's layout: one
 * compact bar and the charts large; leaving gives the lesson back as it was. Inside a view that is
 * presented already (a lecture deck's scene) it always takes that layout.
 */
export function ExperimentPanel({
  experiment,
  live,
  editable,
  status,
  onChartViewed,
}: ExperimentPanelProps) {
  const linkHintId = useId();
  const { runs, phase } = live;
  const base = runs[0]?.settings;
  const primary = (): void => {
    if (phase === 'running') live.pause();
    else if (phase === 'paused') live.resume();
    else live.start();
  };
  // The same two buttons in the lesson and in presenter mode.
  const runButtons = (
    <>
      <button type="button" className="nl-button nl-button--primary" onClick={primary}>
        {primaryLabel(phase)}
      </button>
      <button type="button" className="nl-button" onClick={live.reset} disabled={phase === 'idle'}>
        Reset
      </button>
    </>
  );
  const letters = runs.map((r, i) => `${RUN_LETTERS[i] ?? '?'}: ${r.label}`).join(', ');
  const id = useId();
  // Inside a presented view (a lecture deck's scene) the experiment is already on the projector.
  const inPresentedView = useChartView().presenting;
  const ownPresenting = usePresentedExperiment((s) => s.id === id);
  const presentButton = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(false);
  useEffect(() => {
    // Leaving presenter mode puts the keyboard back where it was: on the Present button.
    if (wasPresenting.current && !ownPresenting) presentButton.current?.focus();
    wasPresenting.current = ownPresenting;
  }, [ownPresenting]);
  useEffect(
    () => () => {
      if (usePresentedExperiment.getState().id === id) leavePresentedExperiment();
    },
    [id],
  );
  useShortcuts([PRESENT_EXPERIMENT_SHORTCUT], !inPresentedView);
  useShortcuts(
    [
      {
        keys: [' '],
        label: 'Space',
        description:
          'Run, pause or resume the presented experiment (a finished one stays as it is)',
        group: 'Presented experiment',
        run: () => pressSpace(live),
      },
      {
        keys: ['r', 'R'],
        label: 'R',
        description: 'Reset the presented experiment',
        group: 'Presented experiment',
        run: () => {
          if (phase !== 'idle') live.reset();
        },
      },
      {
        keys: ['Escape'],
        label: 'Esc',
        description: 'Leave presenter mode',
        group: 'Presented experiment',
        run: leavePresentedExperiment,
      },
    ],
    ownPresenting,
  );

  const results = (
    <>
      <p className="nl-visually-hidden" role="status">
        {phaseAnnouncement(live, experiment.steps)}
      </p>
      {phase !== 'idle' ? <RunProgressList runs={runs} /> : null}
      {status}
      <ExperimentCharts
        charts={experiment.charts}
        runs={runs}
        percentileLayer={experiment.percentileLayer}
        onViewed={onChartViewed}
      />
    </>
  );
  // What is compared: on the projector too, since the charts are empty until the runs train.
  const runList = (
    <ul className="nl-experiment__runs" aria-label="Runs">
      {runs.map((run, i) => (
        <li key={run.label}>
          <strong>{run.label}</strong>
          {i > 0 && base ? ` — ${describeDifferences(base, run.settings)}` : ''}
        </li>
      ))}
    </ul>
  );
  const settings = (
    <RunSettingsEditor
      runs={runs}
      keys={editable}
      disabled={phase === 'running'}
      onChange={live.setSetting}
    />
  );

  if (ownPresenting || inPresentedView) {
    // Presenter mode's layout: one compact bar (the settings folded into it), then the charts.
    const presented = (
      <>
        <div className="nl-presenter-bar" role="toolbar" aria-label="Presenter controls">
          {ownPresenting ? (
            <p className="nl-experiment-present__title">{experiment.title}</p>
          ) : null}
          {runButtons}
          {phase === 'finished' ? <p className="nl-presenter-bar__note">{FINISHED_NOTE}</p> : null}
          {editable.length > 0 ? (
            <details className="nl-panel-toggles">
              <summary>Settings</summary>
              <div className="nl-presenter-bar__fold">{settings}</div>
            </details>
          ) : null}
          {ownPresenting ? (
            <button
              type="button"
              className="nl-button nl-button--quiet"
              onClick={leavePresentedExperiment}
            >
              Leave presenter mode
            </button>
          ) : null}
        </div>
        {runList}
        {results}
      </>
    );
    return ownPresenting ? (
      <PresenterView
        presenting
        className="nl-experiment-present"
        label={`${experiment.title}, presenter mode`}
      >
        {presented}
      </PresenterView>
    ) : (
      presented
    );
  }

  return (
    <div {...{ [EXPERIMENT_ID_ATTRIBUTE]: id }}>
      {base ? <p className="nl-experiment__setup">{setupSummary(base)}</p> : null}
      {runList}
      {settings}
      <div className="nl-experiment__actions">
        {runButtons}
        <button
          ref={presentButton}
          type="button"
          className="nl-button nl-button--quiet"
          aria-label={`${VIEW_SETTINGS.presenting.label}: ${experiment.title}`}
          onClick={() => presentExperiment(id)}
        >
          {VIEW_SETTINGS.presenting.label}
        </button>
        <a
          className="nl-experiment__lab-link"
          href={labHash(runs.map((r) => r.settings))}
          aria-describedby={linkHintId}
        >
          Open in Lab
        </a>
        <span id={linkHintId} className="nl-hint">
          The Lab opens with these runs and all their settings ({letters}).
        </span>
      </div>
      {results}
    </div>
  );
}
