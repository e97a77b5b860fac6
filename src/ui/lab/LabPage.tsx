import type { Track } from '../../lessons/track';
import { PresenterView } from '../present/PresenterView';
import { ClassroomNote } from './ClassroomNote';
import { LabCharts } from './LabCharts';
import { useLabLossView, useLabView } from './labView';
import { LabControls } from './LabControls';
import { PresenterBar } from './PresenterBar';
import { StatusAnnouncer } from './StatusAnnouncer';
import { UrlNotices } from './UrlNotices';
import { useLabShortcuts } from './useLabShortcuts';
import { useLabUrlSync } from './useLabUrlSync';
import { LabMysteryContext } from './mystery/LabMysteryContext';
import { MysteryLabPanel } from './mystery/MysteryLabPanel';
import { useLabMystery } from './mystery/useLabMystery';

/**
 * The Lab: up to four runs trained side by side in workers. Controls on the left (stacked above the
 * charts on a phone), every run's loss and the selected run's internals on the right. In presenter
 * mode (P, the Present button or `present=1` in the link) the title, intro and settings give way to
 * one compact bar and the chosen charts fill the width. Opened from a lesson's mystery network, it
 * holds that network with its hidden settings masked (see useLabMystery).
 */
export function LabPage({ track }: { readonly track?: Track | undefined }) {
  useLabUrlSync();
  useLabShortcuts();
  const mystery = useLabMystery(track);
  const presenting = useLabView((s) => s.presenting);
  const lossView = useLabLossView();
  return (
    <LabMysteryContext.Provider value={mystery}>
      <PresenterView
        presenting={presenting}
        loss={lossView}
        className="nl-lab"
        label="Lab, presenter mode"
      >
        {presenting ? (
          <h1 className="nl-visually-hidden">Lab</h1>
        ) : (
          <header className="nl-lab__header">
            <h1>Lab</h1>
            <p className="nl-lab__intro">
              Train real networks in your browser. Change one setting per run, press Train, and
              compare the loss curves, activations and gradients. The address bar always links to
              exactly these runs.
            </p>
          </header>
        )}
        {mystery && !presenting ? <MysteryLabPanel value={mystery} /> : null}
        <UrlNotices />
        <ClassroomNote />
        <StatusAnnouncer />
        {presenting ? (
          <>
            <PresenterBar />
            <div className="nl-lab__charts">
              <LabCharts />
            </div>
          </>
        ) : (
          <div className="nl-lab__columns">
            <div className="nl-lab__controls">
              <LabControls />
            </div>
            <div className="nl-lab__charts">
              <LabCharts />
            </div>
          </div>
        )}
      </PresenterView>
    </LabMysteryContext.Provider>
  );
}
