import { useCallback, useMemo } from 'react';
import { RUN_LETTERS } from '../../lab/labSettings';
import { useAppStore } from '../../store/appStore';
import type { LabRun } from '../../store/labRun';
import { runLabels, selectRuns, selectSelectedRun } from '../../store/selectors';
import { ExportButton } from '../export/ExportButton';
import { AfterTrainingPanel } from './AfterTrainingPanel';
import { labExportRun } from '../export/exportRuns';
import { downloadFile } from '../../export/exportClient';
import { useLabMysteryContext } from './mystery/LabMysteryContext';
import { MysterySettings } from './mystery/MysterySettings';
import { runHistoryCsv, runHistoryJson } from './runHistoryFiles';
import { OwnDataControls } from './ownData/OwnDataControls';
import { RunMessages } from './RunMessages';
import { RunProgress } from './RunProgress';
import { useControlShown } from './labView';
import { RUN_PANEL_ID, runTabId } from './RunTabs';
import { SettingsForm, type SettingsFormProps } from './SettingsForm';
import { formatCount } from '../../lab/formatNumber';

/**
 * The selected run: its progress, duplicate and remove, what went wrong, and all its settings. Train,
 * Step and Reset live in the toolbar only, so each name means one button on the page.
 */
const HISTORY_FILES = {
  csv: { label: 'CSV', contents: runHistoryCsv, type: 'text/csv' },
  json: { label: 'JSON', contents: runHistoryJson, type: 'application/json' },
} as const;

/** A button that saves one run's history in one format. */
function HistoryDownload({
  run,
  letter,
  format,
}: {
  readonly run: LabRun;
  readonly letter: string;
  readonly format: keyof typeof HISTORY_FILES;
}) {
  const file = HISTORY_FILES[format];
  return (
    <button
      type="button"
      className="nl-button nl-button--quiet"
      onClick={() =>
        downloadFile(
          new TextEncoder().encode(file.contents(run, letter)),
          `normlab-run-${letter.toLowerCase()}-history.${format}`,
          file.type,
        )
      }
    >
      Download history ({file.label})
    </button>
  );
}

export function RunPanel() {
  const runs = useAppStore(selectRuns);
  const run = useAppStore(selectSelectedRun);
  const actions = useAppStore.getState();
  const runId = run?.id;
  const showRuns = useControlShown('runs');
  const mystery = useLabMysteryContext();
  // While a mystery network hides settings, neither the form nor an export may show them.
  const hiding = mystery !== undefined && mystery.hidden.size > 0;
  // Stable while the run is the same, so the form skips the ten-per-second progress updates.
  const onChange = useCallback<SettingsFormProps['onChange']>(
    (key, value) => {
      if (runId !== undefined) useAppStore.getState().updateSetting(runId, key, value);
    },
    [runId],
  );
  const dataset = run?.settings.dataset;
  // Memoized like onChange, so the form still skips the progress updates.
  const dataControls = useMemo(
    () => (dataset ? <OwnDataControls dataset={dataset} /> : null),
    [dataset],
  );
  if (!run) return null;
  const several = runs.length > 1;
  const letter = RUN_LETTERS[runs.indexOf(run)] ?? 'A';

  return (
    <section
      id={RUN_PANEL_ID}
      role="tabpanel"
      aria-labelledby={runTabId(run.id)}
      className="nl-run-panel"
    >
      <h2 className="nl-section-title nl-run-panel__title">
        Run {runLabels(runs).get(run.id) ?? ''}
      </h2>
      <div className="nl-run-panel__head">
        <RunProgress run={run} />
        {run.parameterCount !== undefined ? (
          <p className="nl-note">{formatCount(run.parameterCount)} parameters</p>
        ) : null}
      </div>
      <div className="nl-button-row">
        {showRuns ? (
          <>
            <button
              type="button"
              className="nl-button"
              disabled={runs.length >= RUN_LETTERS.length}
              onClick={() => actions.duplicateRun(run.id)}
            >
              Duplicate run
            </button>
            <button
              type="button"
              className="nl-button nl-button--quiet"
              disabled={!several}
              onClick={() => actions.removeRun(run.id)}
            >
              Remove run
            </button>
          </>
        ) : null}
        {hiding ? null : (
          <ExportButton
            name={`normlab-lab-run-${letter.toLowerCase()}`}
            runs={() => [labExportRun(run.settings, letter)]}
          />
        )}
      </div>
      <div className="nl-button-row" role="group" aria-label={`History of run ${letter}`}>
        <HistoryDownload run={run} letter={letter} format="csv" />
        {/* The JSON carries the settings that reproduce the run, hidden ones included. */}
        {hiding ? null : <HistoryDownload run={run} letter={letter} format="json" />}
      </div>
      <RunMessages run={run} onStartOver={() => actions.resetRun(run.id)} />
      {/* Shown only for BatchNorm runs, so it would tell a mystery's hidden normalization. */}
      {hiding ? null : (
        <AfterTrainingPanel
          run={run}
          onRequest={(request) => actions.afterTrainingRun(run.id, request)}
        />
      )}
      {hiding ? (
        <MysterySettings
          key={run.id}
          runName={`Run ${letter}`}
          settings={run.settings}
          hidden={mystery.hidden}
          onReveal={mystery.reveal}
          onChange={onChange}
        />
      ) : (
        <SettingsForm
          key={run.id}
          settings={run.settings}
          onChange={onChange}
          dataControls={dataControls}
        />
      )}
    </section>
  );
}
