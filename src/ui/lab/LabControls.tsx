import { useState } from 'react';
import { takeAllControlsAsked } from './labView';
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
    takeAllControlsAsked();
    return (
      <>
        <LabToolbar />
        <RunTabs />
        <RunPanel />
      </>
    );
  }
  return <FoldedControls />;
}

/** One column: the fold starts closed, or open when the learner has just asked for every control. */
function FoldedControls() {
  const [open] = useState(takeAllControlsAsked);
  return (
    <>
      <LabToolbar part="train" />
      <details className="nl-lab__fold" open={open}>
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
