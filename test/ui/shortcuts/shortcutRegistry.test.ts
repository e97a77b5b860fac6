// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  activeShortcuts,
  isTyping,
  registerShortcuts,
  type Shortcut,
} from '../../../src/ui/shortcuts/shortcutRegistry';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
  document.body.innerHTML = '';
});

function shortcut(keys: string[], run: (key: string) => void, extra: Partial<Shortcut> = {}) {
  return { keys, label: keys[0]!, description: `press ${keys[0]}`, group: 'Test', run, ...extra };
}

function register(...list: Shortcut[]): void {
  cleanups.push(registerShortcuts(list));
}

function press(key: string, target: Element = document.body, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('shortcut registry', () => {
  it('runs a registered key, with the key pressed, and prevents its default', () => {
    const run = vi.fn();
    register(shortcut(['1', '2'], run));
    const event = press('2');
    expect(run).toHaveBeenCalledWith('2');
    expect(event.defaultPrevented).toBe(true);
  });

  it('never fires while typing in a field', () => {
    const run = vi.fn();
    register(shortcut(['s'], run));
    document.body.innerHTML =
      '<input type="text"><input type="number"><textarea></textarea><select></select><div contenteditable="true"></div>';
    for (const field of document.body.children) {
      expect(isTyping(field)).toBe(true);
      press('s', field);
    }
    expect(run).not.toHaveBeenCalled();
    document.body.innerHTML = '<input type="checkbox">';
    press('s', document.body.firstElementChild!);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('leaves Space to a focused button, and ignores keys with Ctrl, Alt or Meta', () => {
    const run = vi.fn();
    register(shortcut([' '], run), shortcut(['r'], run));
    document.body.innerHTML = '<button type="button">Reset</button>';
    press(' ', document.body.firstElementChild!);
    press('r', document.body, { ctrlKey: true });
    press('r', document.body, { metaKey: true });
    expect(run).not.toHaveBeenCalled();
    press(' ');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('lets a later registration take a key and gives it back when it goes', () => {
    const lab = vi.fn();
    const deck = vi.fn();
    register(shortcut([' '], lab));
    const release = registerShortcuts([shortcut([' ', 'PageDown'], deck)]);
    press(' ');
    expect(deck).toHaveBeenCalledTimes(1);
    expect(lab).not.toHaveBeenCalled();
    expect(activeShortcuts().map((s) => s.keys)).toEqual([[' ', 'PageDown']]);
    release();
    press(' ');
    expect(lab).toHaveBeenCalledTimes(1);
    expect(activeShortcuts().map((s) => s.keys)).toEqual([[' ']]);
  });

  it('lets a disabled shortcut pass the key on', () => {
    const run = vi.fn();
    register(shortcut(['d'], run, { enabled: () => false }));
    const event = press('d');
    expect(run).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('stops listening once nothing is registered', () => {
    const run = vi.fn();
    const release = registerShortcuts([shortcut(['x'], run)]);
    release();
    press('x');
    expect(run).not.toHaveBeenCalled();
    expect(activeShortcuts()).toEqual([]);
  });
});
