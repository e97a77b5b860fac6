import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { LabRunSettings, SettingKey } from '../../../lab/labSettings';
import { decodeLab, labHash, queryOfHash } from '../../../lab/urlState';
import { findMystery, mysteryKeyOfHash, stillHidden } from '../../../lessons/mystery';
import type { Track } from '../../../lessons/track';
import { useAppStore } from '../../../store/appStore';
import { selectProgress, selectRevealMysterySetting } from '../../../store/progressSlice';
import type { LabMysteryValue } from './LabMysteryContext';

/** The learner's mystery runs in this tab (settings only), so a reload keeps their fix in progress. */
const SESSION_KEY = 'normlab.labMystery';

interface MysterySession {
  readonly key: string;
  readonly settings: readonly LabRunSettings[];
}

/** Kept as the Lab's own link text, so reading it back validates every value as a link does. */
function readSession(): MysterySession | undefined {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { key, runs } = raw as Record<string, unknown>;
    if (typeof key !== 'string' || typeof runs !== 'string') return undefined;
    return { key, settings: decodeLab(queryOfHash(runs)).runs };
  } catch {
    return undefined;
  }
}

function writeSession(key: string, settings: readonly LabRunSettings[]): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ key, runs: labHash(settings) }));
  } catch {
    // Storage full or disabled: the mystery still works, a reload starts it afresh.
  }
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
const currentHash = (): string => window.location.hash;

const sameSettings = (a: readonly LabRunSettings[], b: readonly LabRunSettings[]): boolean =>
  a.length === b.length && a.every((s, i) => JSON.stringify(s) === JSON.stringify(b[i]));

/**
 * The mystery network the Lab's address names (`#/lab?mystery=lesson/practice`), opened as the Lab's
 * runs: the learner's own runs of it in this tab when there are some (a reload keeps them), else the
 * mystery's one run. The revealed settings are kept with the learner's progress.
 */
export function useLabMystery(track: Track | undefined): LabMysteryValue | undefined {
  const hash = useSyncExternalStore(subscribeToHash, currentHash);
  const key = mysteryKeyOfHash(hash);
  const mystery = useMemo(
    () => (key === undefined || !track ? undefined : findMystery(track, key)),
    [track, key],
  );
  const progress = useAppStore(selectProgress);
  const revealMysterySetting = useAppStore(selectRevealMysterySetting);
  const revealed = mystery ? progress.revealedSettings[mystery.key] : undefined;
  const hidden = useMemo(
    () => (mystery ? stillHidden(mystery, revealed) : new Set<SettingKey>()),
    [mystery, revealed],
  );

  useEffect(() => {
    if (!mystery) return undefined;
    const store = useAppStore.getState();
    const session = readSession();
    const wanted = session?.key === mystery.key ? session.settings : ([mystery.settings] as const);
    const every = mystery.experiment.validationEvery;
    if (
      !sameSettings(
        store.runs.map((r) => r.settings),
        wanted,
      ) ||
      store.validationEvery !== every
    )
      store.loadRuns(wanted, every);
    return useAppStore.subscribe((state, previous) => {
      if (state.runs !== previous.runs && mysteryKeyOfHash(window.location.hash) === mystery.key)
        writeSession(
          mystery.key,
          state.runs.map((r) => r.settings),
        );
    });
  }, [mystery]);

  const reveal = useCallback(
    (setting: SettingKey) => {
      if (mystery) revealMysterySetting(mystery.key, setting);
    },
    [mystery, revealMysterySetting],
  );
  return useMemo(
    () => (mystery ? { mystery, hidden, reveal } : undefined),
    [mystery, hidden, reveal],
  );
}
