/**
 * Where a deck is: the scene on screen and whether its quiz answer is shown. Both windows of a
 * presentation (the audience's and the speaker's) keep one of these and send each other every change,
 * so the same actions give the same state in both.
 */
import type { Scene } from '../../lessons/deck';

export interface DeckPosition {
  /** Index into the deck's scenes. */
  readonly scene: number;
  /** The current quiz scene's answer is revealed. */
  readonly revealed: boolean;
}

export type DeckAction =
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  | { readonly type: 'goto'; readonly scene: number }
  | { readonly type: 'reveal' }
  /** The other window moved: take its position as it is. */
  | { readonly type: 'follow'; readonly position: DeckPosition };

const at = (scene: number): DeckPosition => ({ scene, revealed: false });

function clampScene(scene: number, count: number): number {
  return Math.min(Math.max(0, Math.trunc(scene)), Math.max(0, count - 1));
}

/** The position a deck of `count` scenes opens at, from the address's 1-based `scene`. */
export function initialPosition(sceneNumber: number | undefined, count: number): DeckPosition {
  return at(sceneNumber === undefined ? 0 : clampScene(sceneNumber - 1, count));
}

/**
 * The next position. Stepping forward on a quiz whose answer is hidden reveals the answer first, as
 * a slide's build step does, so a clicker alone can run the whole deck.
 */
export function deckReducer(
  scenes: readonly Scene[],
  position: DeckPosition,
  action: DeckAction,
): DeckPosition {
  const count = scenes.length;
  switch (action.type) {
    case 'next': {
      if (scenes[position.scene]?.kind === 'quiz' && !position.revealed) {
        return { ...position, revealed: true };
      }
      return position.scene + 1 < count ? at(position.scene + 1) : position;
    }
    case 'previous':
      return position.scene > 0 ? at(position.scene - 1) : position;
    case 'first':
      return position.scene === 0 ? position : at(0);
    case 'last':
      return position.scene === count - 1 ? position : at(clampScene(count - 1, count));
    case 'goto': {
      const scene = clampScene(action.scene, count);
      return scene === position.scene ? position : at(scene);
    }
    case 'reveal':
      return scenes[position.scene]?.kind === 'quiz' && !position.revealed
        ? { ...position, revealed: true }
        : position;
    case 'follow': {
      const scene = clampScene(action.position.scene, count);
      const revealed = action.position.revealed && scenes[scene]?.kind === 'quiz';
      return scene === position.scene && revealed === position.revealed
        ? position
        : { scene, revealed };
    }
  }
}
