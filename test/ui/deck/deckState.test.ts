import { describe, expect, it } from 'vitest';
import type { Scene } from '../../../src/lessons/deck';
import { deckReducer, initialPosition } from '../../../src/ui/deck/deckState';

const scene = (kind: Scene['kind'], id: string) => ({ kind, id }) as unknown as Scene;
const scenes = [scene('title', 'title'), scene('quiz', 'q'), scene('equation', 'e')];

describe('deckReducer', () => {
  it('steps forward and back, and stays put at either end', () => {
    let position = initialPosition(undefined, scenes.length);
    expect(position).toEqual({ scene: 0, revealed: false });
    expect(deckReducer(scenes, position, { type: 'previous' })).toBe(position);
    position = deckReducer(scenes, position, { type: 'next' });
    expect(position).toEqual({ scene: 1, revealed: false });
    position = deckReducer(scenes, { scene: 2, revealed: false }, { type: 'next' });
    expect(position).toEqual({ scene: 2, revealed: false });
    expect(deckReducer(scenes, position, { type: 'previous' })).toEqual({
      scene: 1,
      revealed: false,
    });
  });

  it('on a question, reveals the answer before stepping on (a build step for the clicker)', () => {
    const onQuiz = { scene: 1, revealed: false };
    const revealed = deckReducer(scenes, onQuiz, { type: 'next' });
    expect(revealed).toEqual({ scene: 1, revealed: true });
    expect(deckReducer(scenes, revealed, { type: 'next' })).toEqual({ scene: 2, revealed: false });
    // Coming back shows the question afresh.
    expect(deckReducer(scenes, { scene: 2, revealed: false }, { type: 'previous' })).toEqual({
      scene: 1,
      revealed: false,
    });
  });

  it('reveals only on a question, and only once', () => {
    const title = { scene: 0, revealed: false };
    expect(deckReducer(scenes, title, { type: 'reveal' })).toBe(title);
    const shown = deckReducer(scenes, { scene: 1, revealed: false }, { type: 'reveal' });
    expect(shown).toEqual({ scene: 1, revealed: true });
    expect(deckReducer(scenes, shown, { type: 'reveal' })).toBe(shown);
  });

  it('jumps to the first, the last or any scene, clamped to the deck', () => {
    const middle = { scene: 1, revealed: true };
    expect(deckReducer(scenes, middle, { type: 'first' })).toEqual({ scene: 0, revealed: false });
    expect(deckReducer(scenes, middle, { type: 'last' })).toEqual({ scene: 2, revealed: false });
    expect(deckReducer(scenes, middle, { type: 'goto', scene: 99 })).toEqual({
      scene: 2,
      revealed: false,
    });
    expect(deckReducer(scenes, middle, { type: 'goto', scene: 1 })).toBe(middle);
  });

  it('follows the other window’s position, clamped, with a reveal only where it applies', () => {
    const here = { scene: 0, revealed: false };
    expect(
      deckReducer(scenes, here, { type: 'follow', position: { scene: 1, revealed: true } }),
    ).toEqual({ scene: 1, revealed: true });
    expect(
      deckReducer(scenes, here, { type: 'follow', position: { scene: 7, revealed: true } }),
    ).toEqual({ scene: 2, revealed: false });
    expect(
      deckReducer(scenes, here, { type: 'follow', position: { scene: 0, revealed: false } }),
    ).toBe(here);
  });

  it('opens at the address’s 1-based scene, clamped', () => {
    expect(initialPosition(2, 3)).toEqual({ scene: 1, revealed: false });
    expect(initialPosition(40, 3)).toEqual({ scene: 2, revealed: false });
  });
});
