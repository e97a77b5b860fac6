import { useCallback, useId, useMemo } from 'react';
import { sceneTrains, type Deck, type Scene } from '../../lessons/deck';
import { Prose } from '../lessons/Prose';
import { deckHref } from '../routing';
import type { TrainingState } from './deckChannel';
import { DECK_SHORTCUTS, useDeckKeys, type DeckCommand } from './deckKeys';
import { letteredChoices } from './QuizScene';
import { ScenePreview } from './ScenePreview';
import { SpeakerClock } from './SpeakerClock';
import { StepButtons } from './StepButtons';
import { useDeckAddress, useFocusOnChange } from './useDeckAddress';
import { useSyncedDeck } from './useSyncedDeck';
import { formatCount } from '../../lab/formatNumber';

export interface SpeakerViewProps {
  readonly deck: Deck;
  readonly instructor: boolean;
  readonly sceneNumber: number | undefined;
}

function trainingText(state: TrainingState | undefined): string {
  if (!state) return 'Waiting for the audience window.';
  const progress = `step ${formatCount(state.step)} of ${formatCount(state.steps)}`;
  switch (state.phase) {
    case 'idle':
      return 'Not started.';
    case 'running':
      return `Training: ${progress}.`;
    case 'paused':
      return `Paused at ${progress}.`;
    case 'finished':
      return `Finished: ${progress}. Space leaves the curves as they are; R (or Reset training) clears them to train again.`;
  }
}

function QuizAnswer({
  lessonId,
  scene,
}: {
  lessonId: string;
  scene: Extract<Scene, { kind: 'quiz' }>;
}) {
  const answer = useMemo(
    () => letteredChoices(lessonId, scene).find((c) => c.choice.correct),
    [lessonId, scene],
  );
  if (!answer) return null;
  return (
    <section className="nl-speaker__box" aria-labelledby="nl-speaker-answer">
      <h2 id="nl-speaker-answer">Answer: {answer.letter}</h2>
      <Prose text={`${answer.choice.text}\n\n${answer.choice.explanation}`} />
    </section>
  );
}

/**
 * The presenter's window: the current and the next scene, the notes, a clock and the shortcuts.
 * Everything done here (stepping, revealing, starting and pausing training) happens in the
 * audience window too, over the deck's channel.
 */
export function SpeakerView({ deck, instructor, sceneNumber }: SpeakerViewProps) {
  const synced = useSyncedDeck({ deck, role: 'speaker', sceneNumber });
  const { position, dispatch, training, connected, linked, requestTraining } = synced;
  const scene = deck.scenes[position.scene]!;
  const next = deck.scenes[position.scene + 1];
  const trains = sceneTrains(scene);
  const phase = connected ? training?.phase : undefined;
  const running = phase === 'running';
  const jumpId = useId();
  useDeckAddress(deck.lessonId, 'speaker', instructor, position.scene);
  const headingRef = useFocusOnChange(position.scene);

  const onCommand = useCallback(
    (command: DeckCommand) => {
      if (command === 'resetTraining') {
        if (trains && phase !== undefined && phase !== 'idle') requestTraining('reset');
      } else if (command !== 'toggleTraining') dispatch({ type: command });
      else if (trains && connected && phase !== 'finished') {
        requestTraining(running ? 'pause' : 'start');
      }
    },
    [dispatch, trains, connected, phase, running, requestTraining],
  );
  useDeckKeys(onCommand);

  return (
    <div className="nl-speaker">
      <header className="nl-speaker__header">
        <div>
          <p className="nl-speaker__eyebrow">Speaker view · {deck.title}</p>
          <h1 ref={headingRef} tabIndex={-1}>
            Scene {position.scene + 1} of {deck.scenes.length}: {scene.title}
          </h1>
        </div>
        <SpeakerClock />
      </header>
      <p className="nl-speaker__link" role="status">
        {!linked
          ? 'This browser cannot link two windows (it has no BroadcastChannel): step the audience window itself.'
          : connected
            ? 'The audience window follows this one.'
            : 'The audience window is not open: open the deck in this browser (or reload it), and it will follow this one.'}
        {linked && !connected ? (
          <>
            {' '}
            <a
              href={deckHref(deck.lessonId, { instructor, scene: position.scene + 1 })}
              target="_blank"
              rel="opener"
            >
              Open the deck
            </a>
          </>
        ) : null}
      </p>
      <div className="nl-speaker__grid">
        <div className="nl-speaker__column">
          <section className="nl-speaker__box" aria-labelledby="nl-speaker-now">
            <h2 id="nl-speaker-now">Now</h2>
            <ScenePreview scene={scene} number={position.scene + 1} />
            <div className="nl-button-row">
              <StepButtons scene={position.scene} count={deck.scenes.length} dispatch={dispatch} />
              {scene.kind === 'quiz' ? (
                <button
                  type="button"
                  className="nl-button"
                  onClick={() => dispatch({ type: 'reveal' })}
                  disabled={position.revealed}
                >
                  {position.revealed ? 'Answer revealed' : 'Reveal the answer'}
                </button>
              ) : null}
              {trains ? (
                <>
                  <button
                    type="button"
                    className="nl-button"
                    onClick={() => requestTraining(running ? 'pause' : 'start')}
                    disabled={!connected || phase === 'finished'}
                  >
                    {running
                      ? 'Pause training'
                      : phase === 'finished'
                        ? 'Training finished'
                        : 'Start training'}
                  </button>
                  <button
                    type="button"
                    className="nl-button"
                    onClick={() => requestTraining('reset')}
                    disabled={phase === undefined || phase === 'idle'}
                  >
                    Reset training
                  </button>
                </>
              ) : null}
            </div>
            {trains ? (
              <p className="nl-speaker__training" role="status">
                {trainingText(connected ? training : undefined)}
              </p>
            ) : null}
          </section>
          <section className="nl-speaker__box nl-speaker__notes" aria-labelledby="nl-speaker-notes">
            <h2 id="nl-speaker-notes">Notes</h2>
            {scene.notes.length === 0 ? (
              <p>This scene has no notes: the lesson has no text around it.</p>
            ) : (
              scene.notes.map((note) => (
                <div key={note.label} className="nl-speaker__note">
                  <h3>{note.label}</h3>
                  <Prose text={note.text} />
                </div>
              ))
            )}
          </section>
          {scene.kind === 'quiz' ? <QuizAnswer lessonId={deck.lessonId} scene={scene} /> : null}
        </div>
        <div className="nl-speaker__column">
          <section className="nl-speaker__box" aria-labelledby="nl-speaker-next">
            <h2 id="nl-speaker-next">Next</h2>
            {next ? (
              <ScenePreview scene={next} number={position.scene + 2} />
            ) : (
              <p>This is the last scene.</p>
            )}
          </section>
          <section className="nl-speaker__box" aria-labelledby="nl-speaker-jump">
            <h2 id="nl-speaker-jump">All scenes</h2>
            <label htmlFor={jumpId}>Go to scene</label>{' '}
            <select
              id={jumpId}
              value={position.scene}
              onChange={(event) => dispatch({ type: 'goto', scene: Number(event.target.value) })}
            >
              {deck.scenes.map((s, i) => (
                <option key={s.id} value={i}>
                  {i + 1}. {s.title}
                </option>
              ))}
            </select>
          </section>
          <section className="nl-speaker__box" aria-labelledby="nl-speaker-keys">
            <h2 id="nl-speaker-keys">Shortcuts</h2>
            <dl className="nl-speaker__keys">
              {DECK_SHORTCUTS.map((shortcut) => (
                <div key={shortcut.command}>
                  <dt>
                    <kbd>{shortcut.label}</kbd>
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
            <p>They work in both windows, except while typing in a field.</p>
          </section>
        </div>
      </div>
    </div>
  );
}
