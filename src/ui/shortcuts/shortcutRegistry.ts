/**
 * Every keyboard shortcut of the app, in one registry, behind one keydown listener on the document.
 * A page or a view registers the shortcuts it offers while it is on screen (useShortcuts) and the "?"
 * list shows whatever is registered, so a new view (a lecture deck's Page Up / Page Down, say) adds
 * its keys by registering them, with no list to keep in step.
 *
 * When two registrations claim a key, the later one wins (a deck opened over the Lab takes Space), and
 * the earlier one is back when the later one goes.
 */

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it, e.g. [' '], ['s', 'S'], ['PageDown']. */
  readonly keys: readonly string[];
  /** How the list writes the key: 'Space', 'S', '1–4', 'Page Down'. */
  readonly label: string;
  /** What it does, as a sentence fragment: 'Train or pause every run'. */
  readonly description: string;
  /** The heading it is listed under: 'Lab', 'Presenting', 'Deck'. */
  readonly group: string;
  /** Called with the key pressed (one of `keys`). */
  readonly run: (key: string) => void;
  /** Checked at each press; a disabled shortcut lets the key through. */
  readonly enabled?: (() => boolean) | undefined;
  /** Whether it also fires when Space or Enter would press a focused button (keys like Page Down). */
  readonly overControls?: boolean | undefined;
}

interface Registration {
  readonly id: number;
  readonly shortcuts: readonly Shortcut[];
}

let registrations: Registration[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
let snapshot: readonly Shortcut[] = [];

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
]);

/** Whether keys pressed in `target` are typing: a text field, a text area, a list box or editable text. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target.closest('[contenteditable]:not([contenteditable="false"])')
  ) {
    return true;
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Whether Space or Enter already does something on `target` (presses a button, ticks a box, opens a
 * details summary): then those keys are left to it.
 */
function ownsSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('button, a[href], summary, input, select, textarea, [role="button"]')) {
    return true;
  }
  const role = target.getAttribute('role');
  return role === 'tab' || role === 'checkbox' || role === 'switch' || role === 'menuitem';
}

/** Controls that use arrow keys, Home and End themselves (tabs, sliders, radio groups, menus). */
const ARROW_CONTROLS =
  '[role="tab"], [role="slider"], [role="radio"], [role="option"], [role="menuitem"], [role="spinbutton"], input[type="range"], input[type="radio"]';

function ownsArrows(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(ARROW_CONTROLS) !== null;
}

const ARROW_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/** The shortcuts in force: for each key the latest registration's, in registration order. */
function computeActive(): Shortcut[] {
  const claimed = new Set<string>();
  const active: Shortcut[] = [];
  for (let r = registrations.length - 1; r >= 0; r--) {
    const { shortcuts } = registrations[r]!;
    for (let s = shortcuts.length - 1; s >= 0; s--) {
      const shortcut = shortcuts[s]!;
      const free = shortcut.keys.filter((k) => !claimed.has(k));
      if (free.length === 0) continue;
      for (const k of free) claimed.add(k);
      active.push(free.length === shortcut.keys.length ? shortcut : { ...shortcut, keys: free });
    }
  }
  return active.reverse();
}

function changed(): void {
  snapshot = computeActive();
  for (const listener of listeners) listener();
}

/** The shortcut a key press would run now, if any. */
export function shortcutFor(event: {
  key: string;
  target: EventTarget | null;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): Shortcut | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isTyping(event.target)) return undefined;
  const target = event.target instanceof Element ? event.target : null;
  // An open dialog (the shortcut list itself) keeps every key but its own to itself.
  const inDialog = target?.closest('dialog[open], [role="dialog"][aria-modal="true"]') != null;
  for (const shortcut of snapshot) {
    if (!shortcut.keys.includes(event.key)) continue;
    if (inDialog && event.key !== '?') return undefined;
    if ((event.key === ' ' || event.key === 'Enter') && !shortcut.overControls) {
      if (ownsSpace(event.target)) return undefined;
    }
    if (ARROW_KEYS.has(event.key) && ownsArrows(event.target)) return undefined;
    if (shortcut.enabled && !shortcut.enabled()) return undefined;
    return shortcut;
  }
  return undefined;
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.repeat) return;
  const shortcut = shortcutFor(event);
  if (!shortcut) return;
  event.preventDefault();
  shortcut.run(event.key);
}

/** Adds shortcuts until the returned function is called. */
export function registerShortcuts(shortcuts: readonly Shortcut[]): () => void {
  const id = nextId++;
  if (registrations.length === 0) document.addEventListener('keydown', onKeyDown);
  registrations = [...registrations, { id, shortcuts }];
  changed();
  return () => {
    registrations = registrations.filter((r) => r.id !== id);
    if (registrations.length === 0) document.removeEventListener('keydown', onKeyDown);
    changed();
  };
}

/** The shortcuts in force now (a new array after every change, for useSyncExternalStore). */
export function activeShortcuts(): readonly Shortcut[] {
  return snapshot;
}

export function subscribeShortcuts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
