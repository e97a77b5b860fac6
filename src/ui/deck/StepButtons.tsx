import type { ReactNode } from 'react';
import type { DeckAction } from './deckState';

export interface StepButtonsProps {
  readonly scene: number;
  readonly count: number;
  readonly dispatch: (action: DeckAction) => void;
  /** Shown between the two buttons (the audience's scene count). */
  readonly children?: ReactNode;
}

/**
 * Previous and Next for the mouse. They go straight to the neighbouring scene; the keys' "next"
 * reveals a question's answer first (a build step for a clicker), which has its own button here.
 */
export function StepButtons({ scene, count, dispatch, children }: StepButtonsProps) {
  return (
    <>
      <button
        type="button"
        className="nl-button"
        onClick={() => dispatch({ type: 'goto', scene: scene - 1 })}
        disabled={scene === 0}
      >
        Previous scene
      </button>
      {children}
      <button
        type="button"
        className="nl-button nl-button--primary"
        onClick={() => dispatch({ type: 'goto', scene: scene + 1 })}
        disabled={scene >= count - 1}
      >
        Next scene
      </button>
    </>
  );
}
