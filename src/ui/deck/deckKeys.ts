/**
 * The deck's keyboard: a clicker sends Page Up / Page Down (some send arrow keys), a keyboard has
 * the rest. One table, read by both windows' key handlers and shown in the speaker view's list.
 * A key never acts while the presenter types in a field, nor where the focused control has a use of
 * its own for it (arrow keys in chart tabs, Space on a button).
 */
import { useEffect, useRef } from 'react';

export type DeckCommand = 'next' | 'previous' | 'first' | 'last' | 'reveal' | 'toggleTraining';

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
    description: 'Start or pause the training of an experiment scene',
  },
  {
    command: 'reveal',
    keys: ['a', 'A'],
    label: 'A',
    description: 'Reveal the answer of a question scene',
  },
];

const TEXT_FIELDS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Controls that use arrow keys themselves. */
const ARROW_CONTROLS = `${TEXT_FIELDS}, [role="tab"], [role="slider"], [role="radio"], [role="option"], [role="menuitem"], [role="spinbutton"]`;
/** Controls that Space activates. */
const SPACE_CONTROLS = `${TEXT_FIELDS}, button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"]`;

function closestIn(target: EventTarget | null, selector: string): boolean {
  return target instanceof Element && target.closest(selector) !== null;
}

/** The deck command a key press asks for, or undefined when the key is not the deck's here. */
export function deckCommandFor(event: KeyboardEvent): DeckCommand | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const shortcut = DECK_SHORTCUTS.find((s) => s.keys.includes(event.key));
  if (!shortcut) return undefined;
  const { target } = event;
  if (event.key === ' ') return closestIn(target, SPACE_CONTROLS) ? undefined : shortcut.command;
  if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') {
    return closestIn(target, ARROW_CONTROLS) ? undefined : shortcut.command;
  }
  return closestIn(target, TEXT_FIELDS) ? undefined : shortcut.command;
}

/** Runs `onCommand` for the deck keys pressed anywhere in this window while mounted. */
export function useDeckKeys(onCommand: (command: DeckCommand) => void): void {
  const latest = useRef(onCommand);
  useEffect(() => {
    latest.current = onCommand;
  }, [onCommand]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const command = deckCommandFor(event);
      if (command === undefined) return;
      // Page keys, arrows and Space would also scroll the page.
      event.preventDefault();
      latest.current(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
