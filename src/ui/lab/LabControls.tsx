import { LabToolbar } from './LabToolbar';
import { PanelToggles } from './PanelToggles';
import { RunPanel } from './RunPanel';
import { RunTabs } from './RunTabs';
import { useSettingsFolded } from './useNarrowLayout';

/**
 * The Lab's controls: the toolbar, the run tabs and the selected run's panel. In one column (a phone,
 * 150 % zoom) everything but Train, Step and Reset (the panel choice too) folds into one closed
 * disclosure, so the loss chart is on the first screen with Train; a classroom link's few controls
 * need no folding.
 */
export function LabControls() {
  if (!useSettingsFolded()) {
    return (
      <>
        <LabToolbar />
        <RunTabs />
        <RunPanel />
      </>
    );
  }
  return (
    <>
      <LabToolbar part="train" />
      <details className="nl-lab__fold">
        <summary>Runs, settings and sharing</summary>
        <div className="nl-lab__fold-body">
          <LabToolbar part="rest" />
          <RunTabs />
          <RunPanel />
          <PanelToggles />
        </div>
      </details>
    </>
  );
}
