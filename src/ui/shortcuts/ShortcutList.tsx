import { create } from 'zustand';
import { Modal } from '../present/Modal';
import type { Shortcut } from './shortcutRegistry';
import { useActiveShortcuts, useShortcuts } from './useShortcuts';

/** The shortcuts grouped under their headings, in the order the groups first appear. */
export function groupShortcuts(shortcuts: readonly Shortcut[]): [string, Shortcut[]][] {
  const groups = new Map<string, Shortcut[]>();
  for (const s of shortcuts) {
    const list = groups.get(s.group) ?? [];
    list.push(s);
    groups.set(s.group, list);
  }
  return [...groups];
}

/** The list of every shortcut in force, as a dialog. */
export function ShortcutListDialog({ onClose }: { onClose: () => void }) {
  const shortcuts = useActiveShortcuts();
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <p className="nl-modal__note">
        Shortcuts work anywhere on the page except while you type in a field; a presenter’s clicker
        sends the same keys.
      </p>
      {groupShortcuts(shortcuts).map(([group, list]) => (
        <section key={group} className="nl-shortcuts__group" aria-label={group}>
          <h3>{group}</h3>
          <dl className="nl-shortcuts">
            {list.map((s) => (
              <div key={s.label} className="nl-shortcuts__row">
                <dt>
                  <kbd>{s.label}</kbd>
                </dt>
                <dd>{s.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Modal>
  );
}

/** Whether the list is open: "?" toggles it, and a button (the Lab's "Shortcuts") opens it. */
const useShortcutListOpen = create<{ open: boolean }>(() => ({ open: false }));

export function openShortcutList(): void {
  useShortcutListOpen.setState({ open: true });
}

/** "?" anywhere opens the list of every shortcut in force and closes it again; the app shell mounts it. */
export function ShortcutHelp() {
  const open = useShortcutListOpen((s) => s.open);
  useShortcuts([
    {
      keys: ['?'],
      label: '?',
      description: 'Show or hide this list of shortcuts',
      group: 'Everywhere',
      run: () => useShortcutListOpen.setState((s) => ({ open: !s.open })),
    },
  ]);
  return open ? (
    <ShortcutListDialog onClose={() => useShortcutListOpen.setState({ open: false })} />
  ) : null;
}
