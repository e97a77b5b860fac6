// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DECK_SHORTCUTS, deckCommandFor } from '../../../src/ui/deck/deckKeys';

function press(key: string, target: Element = document.body, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return deckCommandFor(event);
}

function element(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
  return holder.firstElementChild!;
}

describe('deckCommandFor', () => {
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
    const taken = new KeyboardEvent('keydown', { key: 'PageDown', cancelable: true });
    taken.preventDefault();
    expect(deckCommandFor(taken)).toBeUndefined();
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
