import { useEffect } from 'react';
import type { LabRunSettings } from '../../lab/labSettings';
import { decodeLab, LAB_ROUTE, labHash, queryOfHash } from '../../lab/urlState';
import { useLabStore } from '../../store/labStore';

function sameSettings(a: readonly LabRunSettings[], b: readonly LabRunSettings[]): boolean {
  return a.length === b.length && a.every((s, i) => JSON.stringify(s) === JSON.stringify(b[i]));
}

/** Loads the runs a link describes (reporting what it could not use), unless they are already open. */
function loadFromHash(hash: string): void {
  const store = useLabStore.getState();
  const { runs, notices } = decodeLab(queryOfHash(hash));
  const current = store.runs.map((r) => r.settings);
  if (!sameSettings(current, runs)) store.loadRuns(runs);
  store.setUrlNotices(notices);
}

/** '#/lab' and '#/lab?…', not '#/lessons' (the app is leaving the Lab). */
function isLabHash(hash: string): boolean {
  return hash === LAB_ROUTE || hash.startsWith(`${LAB_ROUTE}?`);
}

function writeHash(runs: readonly LabRunSettings[]): void {
  if (!isLabHash(window.location.hash) && window.location.hash !== '') return;
  const hash = labHash(runs);
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

/**
 * Keeps the Lab and the address bar in step: the link opens the runs it describes, and every
 * settings change rewrites it in place (replaceState: no history entry per slider move), so the
 * address is always a link to exactly what is on screen. Workers start when the page opens; leaving
 * pauses training but keeps the runs.
 */
export function useLabUrlSync(): void {
  useEffect(() => {
    loadFromHash(window.location.hash);
    useLabStore.getState().connect();
    writeHash(useLabStore.getState().runs.map((r) => r.settings));

    const unsubscribe = useLabStore.subscribe((state, previous) => {
      if (state.runs === previous.runs) return;
      const changed =
        state.runs.length !== previous.runs.length ||
        state.runs.some((r, i) => r.settings !== previous.runs[i]?.settings);
      if (changed) writeHash(state.runs.map((r) => r.settings));
    });
    const onHashChange = (): void => {
      if (isLabHash(window.location.hash)) loadFromHash(window.location.hash);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
      useLabStore.getState().pauseAll();
    };
  }, []);
}
