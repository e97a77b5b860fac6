import { useCallback, useEffect, useRef, useState } from 'react';
import type { Deck } from '../../lessons/deck';
import {
  deckLinkAvailable,
  openDeckChannel,
  type DeckChannel,
  type DeckMessage,
  type DeckRole,
  type TrainingRequest,
  type TrainingState,
} from './deckChannel';
import { deckReducer, initialPosition, type DeckAction, type DeckPosition } from './deckState';

export interface SyncedDeck {
  readonly position: DeckPosition;
  /** Moves the deck here and in the other window. */
  dispatch(action: DeckAction): void;
  /** The link to the other window works in this browser. */
  readonly linked: boolean;
  /** Speaker: the audience window answered and has not closed since. Audience: a speaker did. */
  readonly connected: boolean;
  /** Speaker: what the audience's current scene is training, as it last said. */
  readonly training: TrainingState | undefined;
  /** Speaker: asks the audience to start, pause or reset the current scene's training. */
  requestTraining(request: TrainingRequest): void;
  /** Audience: tells the speaker what the current scene is training. */
  reportTraining(state: TrainingState | undefined): void;
}

export interface SyncedDeckOptions {
  readonly deck: Deck;
  readonly role: DeckRole;
  /** The 1-based scene the address names. */
  readonly sceneNumber: number | undefined;
  /** Audience: the speaker asked to start, pause or reset the current scene's training. */
  readonly onTrainRequest?: ((request: TrainingRequest) => void) | undefined;
}

/**
 * One window's deck position, kept in step with the presentation's other window. A change made here
 * is posted; a change received is taken as it is and not posted again, so the windows never echo.
 * A window that opens says hello, and the window already presenting answers with its position.
 */
export function useSyncedDeck({
  deck,
  role,
  sceneNumber,
  onTrainRequest,
}: SyncedDeckOptions): SyncedDeck {
  const [position, setPosition] = useState(() => initialPosition(sceneNumber, deck.scenes.length));
  const [connected, setConnected] = useState(false);
  const [training, setTraining] = useState<TrainingState | undefined>(undefined);
  const [linked] = useState(deckLinkAvailable);
  const positionRef = useRef(position);
  const trainingRef = useRef<TrainingState | undefined>(undefined);
  const channelRef = useRef<DeckChannel | undefined>(undefined);
  const onTrainRequestRef = useRef(onTrainRequest);
  useEffect(() => {
    onTrainRequestRef.current = onTrainRequest;
  }, [onTrainRequest]);

  const move = useCallback((next: DeckPosition): boolean => {
    if (next === positionRef.current) return false;
    positionRef.current = next;
    setPosition(next);
    return true;
  }, []);

  useEffect(() => {
    const opened = openDeckChannel(deck.lessonId);
    channelRef.current = opened;
    const other: DeckRole = role === 'audience' ? 'speaker' : 'audience';
    const onMessage = (message: DeckMessage): void => {
      switch (message.type) {
        case 'hello':
          if (message.from === other) setConnected(true);
          opened.post({ type: 'position', from: role, position: positionRef.current });
          if (role === 'audience' && trainingRef.current)
            opened.post({ type: 'training', state: trainingRef.current });
          return;
        case 'position':
          if (message.from === other) setConnected(true);
          move(
            deckReducer(deck.scenes, positionRef.current, {
              type: 'follow',
              position: message.position,
            }),
          );
          return;
        case 'train':
          // A request about another scene than the one on screen is stale: it crossed a step.
          if (role === 'audience' && message.scene === positionRef.current.scene)
            onTrainRequestRef.current?.(message.request);
          return;
        case 'training':
          if (role === 'speaker') {
            setConnected(true);
            setTraining(message.state);
          }
          return;
        case 'bye':
          if (message.from === other) {
            setConnected(false);
            if (role === 'speaker') setTraining(undefined);
          }
          return;
      }
    };
    const unsubscribe = opened.listen(onMessage);
    opened.post({ type: 'hello', from: role });
    const sayBye = (): void => opened.post({ type: 'bye', from: role });
    window.addEventListener('pagehide', sayBye);
    return () => {
      window.removeEventListener('pagehide', sayBye);
      sayBye();
      unsubscribe();
      opened.close();
      channelRef.current = undefined;
    };
  }, [deck, role, move]);

  const dispatch = useCallback(
    (action: DeckAction) => {
      const next = deckReducer(deck.scenes, positionRef.current, action);
      if (move(next)) channelRef.current?.post({ type: 'position', from: role, position: next });
    },
    [deck, role, move],
  );

  const requestTraining = useCallback((request: TrainingRequest) => {
    channelRef.current?.post({ type: 'train', scene: positionRef.current.scene, request });
  }, []);

  const reportTraining = useCallback((state: TrainingState | undefined) => {
    trainingRef.current = state;
    if (state) channelRef.current?.post({ type: 'training', state });
  }, []);

  return {
    position,
    dispatch,
    linked,
    connected,
    training: training?.scene === position.scene ? training : undefined,
    requestTraining,
    reportTraining,
  };
}
