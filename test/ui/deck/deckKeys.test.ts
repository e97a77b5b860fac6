// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DECK_SHORTCUTS, deckShortcuts, type DeckCommand } from '../../../src/ui/deck/deckKeys';
import { activeShortcuts, registerShortcuts } from '../../../src/ui/shortcuts/shortcutRegistry';

let commands: DeckCommand[] = [];
let unregister: () => void = () => undefined;
beforeEach(() => {
  commands = [];
  unregister = registerShortcuts(deckShortcuts((command) => commands.push(command)));
});
afterEach(() => {
  unregister();
  document.body.innerHTML = '';
});

/** Presses a key on `target` as a browser would (the registry listens on the document). */
function press(
  key: string,
  target: Element = document.body,
  init: KeyboardEventInit = {},
): DeckCommand | undefined {
  const before = commands.length;
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }),
  );
  return commands.length > before ? commands[commands.length - 1] : undefined;
}

function element(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
  return holder.firstElementChild!;
}

describe('the deck keys, in the shortcut registry', () => {
  it('steps with a clicker’s Page Up / Page Down and with the arrow keys', () => {
    for (const key of ['PageDown', 'ArrowRight', 'ArrowDown']) expect(press(key)).toBe('next');
    for (const key of ['PageUp', 'ArrowLeft', 'ArrowUp']) expect(press(key)).toBe('previous');
    expect(press('Home')).toBe('first');
    expect(press('End')).toBe('last');
    expect(press(' ')).toBe('toggleTraining');
    expect(press('a')).toBe('reveal');
    expect(press('A', document.body, { shiftKey: true })).toBe('reveal');
    expect(press('x')).toBeUndefined();
  });

  it('never acts while the presenter types in a field', () => {
    for (const html of ['<input type="text">', '<textarea></textarea>', '<select></select>']) {
      const field = element(html);
      for (const key of ['PageDown', 'ArrowRight', ' ', 'a', 'Home'])
        expect(press(key, field), `${key} in ${html}`).toBeUndefined();
    }
    const editable = element('<div contenteditable="true"><span>x</span></div>');
    expect(press('a', editable.firstElementChild!)).toBeUndefined();
  });

  it('leaves arrows to controls that use them, and Space to buttons and links', () => {
    const tab = element('<button role="tab">Loss</button>');
    expect(press('ArrowRight', tab)).toBeUndefined();
    expect(press('PageDown', tab)).toBe('next');
    const button = element('<button>Run experiment</button>');
    expect(press(' ', button)).toBeUndefined();
    expect(press('ArrowRight', button)).toBe('next');
    expect(press(' ', element('<a href="#/">Home</a>'))).toBeUndefined();
  });

  it('ignores keys with Ctrl, Alt or ⌘ and keys another handler already took', () => {
    expect(press('PageDown', document.body, { ctrlKey: true })).toBeUndefined();
    expect(press('ArrowLeft', document.body, { altKey: true })).toBeUndefined();
    expect(press('a', document.body, { metaKey: true })).toBeUndefined();
    const taken = element('<div></div>');
    taken.addEventListener('keydown', (event) => event.preventDefault());
    expect(press('PageDown', taken)).toBeUndefined();
  });

  it('stay out of an open dialog, such as the QR code for the room', () => {
    const dialog = element('<div role="dialog" aria-modal="true"><button>Close</button></div>');
    expect(press('PageDown', dialog.firstElementChild!)).toBeUndefined();
  });

  it('are in the "?" list, under Deck', () => {
    const listed = activeShortcuts().filter((s) => s.group === 'Deck');
    expect(listed.map((s) => s.label)).toEqual(DECK_SHORTCUTS.map((s) => s.label));
  });

  it('lists every command once, each with a label and a description', () => {
    const commands = DECK_SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const shortcut of DECK_SHORTCUTS) {
      expect(shortcut.label).not.toBe('');
      expect(shortcut.description).not.toBe('');
    }
  });
});
