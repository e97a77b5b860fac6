import { useState } from 'react';
import { VIEW_SETTINGS } from '../../lab/viewSettings';
import { useAppStore } from '../../store/appStore';
import { SPEED_CHOICES, type Speed } from '../../store/preferencesSlice';
import { selectRuns, selectSpeed } from '../../store/selectors';
import { SelectField } from './fields/SelectField';
import { ClassroomLinkPicker } from './ClassroomLinkPicker';
import { LabShareWithRoom } from './LabShareWithRoom';
import { useHiddenLabSettings } from './mystery/LabMysteryContext';
import { setPresenting, useControlShown } from './labView';
import { StopAtField } from './StopAtField';
import { TrainStepButtons } from './TrainStepButtons';

const SPEED_LABELS: Record<Speed, string> = {
  0: 'As fast as possible',
  100: '100 steps per second',
  20: '20 steps per second',
  5: '5 steps per second',
  1: '1 step per second (slow motion)',
};

/**
 * Train / Pause, Step and Reset for every run at once, the speed limit, where training stops by
 * itself, and the link to share. `part` splits it where the Lab folds its settings away
 * (LabControls): 'train' the buttons alone, 'rest' the speed, "Stop at" and sharing.
 */
export function LabToolbar({ part = 'all' }: { readonly part?: 'all' | 'train' | 'rest' }) {
  const runs = useAppStore(selectRuns);
  const speed = useAppStore(selectSpeed);
  const actions = useAppStore.getState();
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const showTrain = useControlShown('train') && part !== 'rest';
  const showSpeed = useControlShown('speed') && part !== 'train';
  const showStop = useControlShown('stop') && part !== 'train';
  const showShare = useControlShown('share') && part !== 'train';
  const hidingSettings = useHiddenLabSettings().size > 0;
  const all = runs.length > 1 ? ' every run' : ' the run';

  const copyLink = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('Link copied: it reopens these runs with the same settings.');
    } catch {
      setCopied('Copying was blocked: copy the address from the address bar instead.');
    }
  };

  if (!showTrain && !showSpeed && !showStop && !showShare) return null;
  return (
    <div
      className="nl-toolbar"
      role="group"
      aria-label={part === 'rest' ? 'Speed, stop and sharing' : 'Training controls'}
    >
      {showTrain ? (
        <>
          <div className="nl-button-row">
            <TrainStepButtons describedBy="nl-toolbar-hint" />
          </div>
          <p
            className={part === 'train' ? 'nl-visually-hidden' : 'nl-field__hint'}
            id="nl-toolbar-hint"
          >
            {`Train, Step (one batch) and Reset (back to the initial weights) act on${all}.`}
          </p>
        </>
      ) : null}
      {showSpeed ? (
        <SelectField
          label="Speed"
          hint="Slow training down to watch the histograms change step by step."
          value={String(speed)}
          choices={SPEED_CHOICES.map((s) => ({ value: String(s), label: SPEED_LABELS[s] }))}
          onChange={(value) => {
            const chosen = SPEED_CHOICES.find((s) => String(s) === value);
            if (chosen !== undefined) actions.setSpeed(chosen);
          }}
        />
      ) : null}
      {showStop ? <StopAtField /> : null}
      {showShare ? (
        <div className="nl-share">
          <button
            type="button"
            className="nl-button nl-button--quiet"
            onClick={() => void copyLink()}
          >
            Copy link
          </button>
          {/* Both put every run's settings into their link: not while a mystery hides some. */}
          {hidingSettings ? null : (
            <>
              <LabShareWithRoom />
              <ClassroomLinkPicker />
            </>
          )}
          <button
            type="button"
            className="nl-button nl-button--quiet"
            aria-describedby="nl-present-hint"
            onClick={() => setPresenting(true)}
          >
            {VIEW_SETTINGS.presenting.label}
          </button>
          <p className="nl-field__hint" id="nl-present-hint">
            {VIEW_SETTINGS.presenting.label} (P): {VIEW_SETTINGS.presenting.hint}; ? lists every
            shortcut.
          </p>
          <p className="nl-note" role="status">
            {copied ?? ''}
          </p>
        </div>
      ) : null}
    </div>
  );
}
