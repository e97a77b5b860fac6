/**
 * The deck's keyboard: a clicker sends Page Up / Page Down (some send arrow keys), a keyboard has
 * the rest. One table, registered in the app's shortcut registry by both windows (so the "?" list
 * has them) and shown in the speaker view's list.
 */
import { useEffect, useRef } from 'react';
import type { Shortcut } from '../shortcuts/shortcutRegistry';
import { useShortcuts } from '../shortcuts/useShortcuts';

export type DeckCommand =
  'next' | 'previous' | 'first' | 'last' | 'reveal' | 'toggleTraining' | 'resetTraining';

export interface DeckShortcut {
  readonly command: DeckCommand;
  /** `KeyboardEvent.key` values. */
  readonly keys: readonly string[];
  /** The keys as a person reads them. */
  readonly label: string;
  readonly description: string;
}

export const DECK_SHORTCUTS: readonly DeckShortcut[] = [
  {
    command: 'next',
    keys: ['PageDown', 'ArrowRight', 'ArrowDown'],
    label: 'Page Down, → or ↓',
    description: 'Next scene (on a question, reveal the answer first)',
  },
  {
    command: 'previous',
    keys: ['PageUp', 'ArrowLeft', 'ArrowUp'],
    label: 'Page Up, ← or ↑',
    description: 'Previous scene',
  },
  { command: 'first', keys: ['Home'], label: 'Home', description: 'First scene' },
  { command: 'last', keys: ['End'], label: 'End', description: 'Last scene' },
  {
    command: 'toggleTraining',
    keys: [' '],
    label: 'Space',
    description: 'Start, pause or resume an experiment scene (a finished one stays as it is)',
  },
  {
    command: 'resetTraining',
    keys: ['r', 'R'],
    label: 'R',
    description: 'Reset an experiment scene: clear its curves, ready to train again',
  },
  {
    command: 'reveal',
    keys: ['a', 'A'],
    label: 'A',
    description: 'Reveal the answer of a question scene',
  },
];

/** The deck's keys as entries of the app's one shortcut registry, so the "?" list shows them too. */
export function deckShortcuts(onCommand: (command: DeckCommand) => void): Shortcut[] {
  return DECK_SHORTCUTS.map((shortcut) => ({
    keys: shortcut.keys,
    label: shortcut.label,
    description: shortcut.description,
    group: 'Deck',
    run: () => onCommand(shortcut.command),
  }));
}

/**
 * Runs `onCommand` for the deck keys pressed in this window while mounted. The registry decides when
 * a key is the deck's: never while the presenter types in a field or a dialog is open, arrows not on
 * controls that use them (chart tabs, sliders), Space not on a focused button.
 */
export function useDeckKeys(onCommand: (command: DeckCommand) => void): void {
  const latest = useRef(onCommand);
  useEffect(() => {
    latest.current = onCommand;
  }, [onCommand]);
  useShortcuts(deckShortcuts((command) => latest.current(command)));
}
