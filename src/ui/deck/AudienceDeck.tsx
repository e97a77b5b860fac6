import { useCallback, useEffect, useRef, useState } from 'react';
import { sceneKindName, sceneTrains, type Deck } from '../../lessons/deck';
import { sectionId } from '../../lessons/sections';
import { deckHref, lessonHref } from '../routing';
import { PresenterView } from '../present/PresenterView';
import { ShareWithRoom } from '../share/ShareWithRoom';
import type { TrainingPhase, TrainingRequest } from './deckChannel';
import { useDeckKeys, type DeckCommand } from './deckKeys';
import type { TrainingControl, TrainingReport } from './ExperimentScene';
import { FullScreenButton } from './FullScreenButton';
import { SceneBody } from './SceneBody';
import { StepButtons } from './StepButtons';
import { useDeckAddress, useFocusOnChange } from './useDeckAddress';
import { useSyncedDeck } from './useSyncedDeck';

export interface AudienceDeckProps {
  readonly deck: Deck;
  readonly instructor: boolean;
  readonly sceneNumber: number | undefined;
}

/** The window name of a deck's speaker view, so a second click brings the same window back. */
const speakerWindowName = (lessonId: string) => `normlab-speaker-${lessonId}`;

/**
 * The deck as the room sees it: one scene at a time, stepped with a clicker or the keyboard, or
 * from the speaker view in another window (which this window follows, training included). It is
 * presenter mode throughout (PresenterView): its charts draw as the presented Lab's do, an
 * experiment's controls are presenter mode's compact bar, and the deck's own controls are one too.
 */
export function AudienceDeck({ deck, instructor, sceneNumber }: AudienceDeckProps) {
  const control = useRef<TrainingControl | undefined>(undefined);
  const onTrainRequest = useCallback((request: TrainingRequest) => {
    if (request === 'start') control.current?.train();
    else if (request === 'pause') control.current?.pause();
    else control.current?.reset();
  }, []);
  const { position, dispatch, reportTraining } = useSyncedDeck({
    deck,
    role: 'audience',
    sceneNumber,
    onTrainRequest,
  });
  const scene = deck.scenes[position.scene]!;
  const [blocked, setBlocked] = useState(false);
  useDeckAddress(deck.lessonId, 'audience', instructor, position.scene);

  const phase = useRef<TrainingPhase | undefined>(undefined);
  const onTraining = useCallback(
    (report: TrainingReport) => {
      phase.current = report.phase;
      reportTraining({ ...report, scene: position.scene });
    },
    [reportTraining, position.scene],
  );
  useEffect(() => {
    if (sceneTrains(scene)) return;
    phase.current = undefined;
    reportTraining(undefined);
  }, [scene, reportTraining]);

  const onCommand = useCallback(
    (command: DeckCommand) => {
      if (command === 'resetTraining') control.current?.reset();
      else if (command !== 'toggleTraining') dispatch({ type: command });
      else if (phase.current === 'running') control.current?.pause();
      else control.current?.train();
    },
    [dispatch],
  );
  useDeckKeys(onCommand);

  const headingRef = useFocusOnChange(position.scene);
  const speakerHref = deckHref(deck.lessonId, {
    instructor,
    view: 'speaker',
    scene: position.scene + 1,
  });
  const openSpeaker = (): void => {
    const opened = window.open(speakerHref, speakerWindowName(deck.lessonId), 'popup');
    setBlocked(opened === null);
  };

  return (
    <PresenterView presenting className="nl-deck" label="Lecture deck">
      <section className="nl-deck__stage" aria-labelledby="nl-deck-scene-title">
        <p className="nl-deck__eyebrow">
          {scene.kind === 'title'
            ? 'Lecture deck'
            : [sceneKindName(scene.kind), scene.section].filter(Boolean).join(' · ')}
        </p>
        <h1 id="nl-deck-scene-title" ref={headingRef} tabIndex={-1}>
          {scene.title}
        </h1>
        <SceneBody
          key={scene.id}
          deck={deck}
          scene={scene}
          revealed={position.revealed}
          onReveal={() => dispatch({ type: 'reveal' })}
          control={control}
          onTraining={onTraining}
        />
      </section>
      <nav className="nl-presenter-bar nl-deck__bar" aria-label="Deck">
        <StepButtons scene={position.scene} count={deck.scenes.length} dispatch={dispatch}>
          <p className="nl-deck__count" aria-live="polite">
            Scene {position.scene + 1} of {deck.scenes.length}
          </p>
        </StepButtons>
        <span className="nl-deck__bar-gap" />
        <button type="button" className="nl-button" onClick={openSpeaker}>
          Open speaker view
        </button>
        <ShareWithRoom
          hash={() =>
            lessonHref(
              deck.lessonId,
              instructor,
              scene.section === undefined ? undefined : sectionId(scene.section),
            )
          }
          what="this part of the lesson"
        />
        <FullScreenButton />
        <a className="nl-deck__leave" href={lessonHref(deck.lessonId, instructor)}>
          Leave the deck
        </a>
        {blocked ? (
          <p className="nl-deck__blocked" role="alert">
            The browser blocked the new window. Allow pop-ups for this site, or open{' '}
            <a href={speakerHref} target="_blank" rel="opener">
              the speaker view
            </a>{' '}
            in a new window yourself.
          </p>
        ) : null}
      </nav>
    </PresenterView>
  );
}
