import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import {
  activeShortcuts,
  registerShortcuts,
  subscribeShortcuts,
  type Shortcut,
} from './shortcutRegistry';

/**
 * Registers `shortcuts` while the component is mounted and `active`. Their handlers may close over
 * the latest render: each press calls the newest version. The registration itself is renewed only
 * when a key, label, description or group changes.
 *
 * Both happen in the commit itself (layout effects), not after the paint: a passive effect can run
 * hundreds of milliseconds after the page shows its controls on a loaded machine, and a key pressed
 * meanwhile (the Lab's Space as soon as Train is drawn) would find no shortcut and be lost.
 */
export function useShortcuts(shortcuts: readonly Shortcut[], active = true): void {
  const latest = useRef(shortcuts);
  useLayoutEffect(() => {
    latest.current = shortcuts;
  });
  const signature = active
    ? shortcuts.map((s) => `${s.keys.join(',')}|${s.label}|${s.description}|${s.group}`).join(';')
    : '';
  useLayoutEffect(() => {
    if (signature === '') return undefined;
    const stable: Shortcut[] = latest.current.map((s, i) => ({
      ...s,
      run: (key: string) => latest.current[i]?.run(key),
      enabled: () => latest.current[i]?.enabled?.() ?? true,
    }));
    return registerShortcuts(stable);
  }, [signature]);
}

/** The shortcuts in force, re-rendering when they change. */
export function useActiveShortcuts(): readonly Shortcut[] {
  return useSyncExternalStore(subscribeShortcuts, activeShortcuts, activeShortcuts);
}
