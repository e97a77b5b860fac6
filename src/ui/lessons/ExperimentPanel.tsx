import { useId, useState, type ReactNode } from 'react';
import { PresenterView } from '../present/PresenterView';
import { useShortcuts } from '../shortcuts/useShortcuts';
import type { SettingKey } from '../../lab/labSettings';
import { labHash } from '../../lab/urlState';
import type { ChartKind, Experiment } from '../../lessons/schema';
import { ExperimentCharts } from './ExperimentCharts';
import { RunProgressList } from './RunProgressList';
import { RunSettingsEditor } from './RunSettingsEditor';
import { setupSummary } from './setupSummary';
import type { ExperimentRuns } from './useExperimentRuns';
import { describeDifferences } from '../../lab/describeDifferences';
import { RUN_LETTERS } from '../../lab/labSettings';

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
      return `Training ${count} run${count === 1 ? '' : 's'} for ${steps.toLocaleString('en-US')} steps.`;
    case 'paused':
      return 'Paused.';
    case 'finished':
      return 'Training finished.';
  }
}

/** The runs of an experiment with their settings, buttons, progress and charts. */
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
  const [presenting, setPresenting] = useState(false);
  useShortcuts(
    [
      {
        keys: [' '],
        label: 'Space',
        description: 'Run, pause or resume the presented experiment',
        group: 'Presented experiment',
        run: primary,
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
        keys: ['p', 'P', 'Escape'],
        label: 'P',
        description: 'Leave presenter mode',
        group: 'Presented experiment',
        run: () => setPresenting(false),
      },
    ],
    presenting,
  );

  if (presenting) {
    return (
      <PresenterView
        presenting
        className="nl-experiment-present"
        label={`${experiment.title}, presenter mode`}
      >
        <div className="nl-presenter-bar" role="toolbar" aria-label="Presenter controls">
          <p className="nl-experiment-present__title">{experiment.title}</p>
          {runButtons}
          <button
            type="button"
            className="nl-button nl-button--quiet"
            onClick={() => setPresenting(false)}
          >
            Leave presenter mode
          </button>
        </div>
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
      </PresenterView>
    );
  }

  return (
    <>
      {base ? <p className="nl-experiment__setup">{setupSummary(base)}</p> : null}
      <ul className="nl-experiment__runs" aria-label="Runs">
        {runs.map((run, i) => (
          <li key={run.label}>
            <strong>{run.label}</strong>
            {i > 0 && base ? ` — ${describeDifferences(base, run.settings)}` : ''}
          </li>
        ))}
      </ul>
      <RunSettingsEditor
        runs={runs}
        keys={editable}
        disabled={phase === 'running'}
        onChange={live.setSetting}
      />
      <div className="nl-experiment__actions">
        {runButtons}
        <button
          type="button"
          className="nl-button nl-button--quiet"
          aria-label={`Present: ${experiment.title}`}
          onClick={() => setPresenting(true)}
        >
          Present
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
}
