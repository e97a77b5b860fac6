import { LabCharts } from './LabCharts';
import { LabToolbar } from './LabToolbar';
import { RunPanel } from './RunPanel';
import { RunTabs } from './RunTabs';
import { StatusAnnouncer } from './StatusAnnouncer';
import { UrlNotices } from './UrlNotices';
import { useLabUrlSync } from './useLabUrlSync';

/**
 * The Lab: up to four runs trained side by side in workers. Controls on the left (stacked above the
 * charts on a phone), every run's loss and the selected run's internals on the right.
 */
export function LabPage() {
  useLabUrlSync();
  return (
    <div className="nl-lab">
      <header className="nl-lab__header">
        <h1>Lab</h1>
        <p className="nl-lab__intro">
          Train real networks in your browser. Change one setting per run, press Train, and compare
          the loss curves, activations and gradients. The address bar always links to exactly these
          runs.
        </p>
      </header>
      <UrlNotices />
      <StatusAnnouncer />
      <div className="nl-lab__columns">
        <div className="nl-lab__controls">
          <LabToolbar />
          <RunTabs />
          <RunPanel />
        </div>
        <div className="nl-lab__charts">
          <LabCharts />
        </div>
      </div>
    </div>
  );
}
