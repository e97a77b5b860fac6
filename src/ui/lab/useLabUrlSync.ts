import { useLayoutEffect } from 'react';
import type { LabRunSettings } from '../../lab/labSettings';
import { encodeStopAt, type StopAt } from '../../lab/stopAt';
import { decodeLab, LAB_ROUTE, labHash, queryOfHash } from '../../lab/urlState';
import { mysteryKeyOfHash } from '../../lessons/mystery';
import { useAppStore } from '../../store/appStore';
import type { ClassroomControl } from './classroomControls';
import { applyLabView, currentLabView, useLabView } from './labView';
import { decodeLabView, encodeLabView } from './labViewUrl';

function sameSettings(a: readonly LabRunSettings[], b: readonly LabRunSettings[]): boolean {
  return a.length === b.length && a.every((s, i) => JSON.stringify(s) === JSON.stringify(b[i]));
}

/**
 * Loads the runs a link describes (unless they are already open) and its view, reporting what it
 * could not use.
 */
function loadFromHash(hash: string): void {
  // A mystery network's address names only the mystery; useLabMystery opens it.
  if (mysteryKeyOfHash(hash) !== undefined) return;
  const store = useAppStore.getState();
  const query = queryOfHash(hash);
  const { runs, stopAt, notices } = decodeLab(query);
  const view = decodeLabView(query);
  const current = store.runs.map((r) => r.settings);
  if (!sameSettings(current, runs) || store.validationEvery !== undefined) store.loadRuns(runs);
  if (JSON.stringify(stopAt) !== JSON.stringify(store.stopAt)) store.setStopAt(stopAt);
  applyLabView(view.view);
  store.setUrlNotices([...notices, ...view.notices]);
}

const currentStopAt = (): StopAt | null => useAppStore.getState().stopAt;

/** The Lab's link: its runs, where they stop (stopAt.ts), then its view (labViewUrl.ts). */
export function labViewHash(runs: readonly LabRunSettings[]): string {
  return joinQuery(labHash(runs), encodeStopAt(currentStopAt()), encodeLabView(currentLabView()));
}

/**
 * The link for the room's phones: the short form of the runs (encodeLab) and the view without
 * presenter mode, which is for the projector, not for a phone.
 */
export function labRoomHash(runs: readonly LabRunSettings[]): string {
  const view = { ...currentLabView(), presenting: false };
  return joinQuery(
    labHash(runs, { short: true }),
    encodeStopAt(currentStopAt()),
    encodeLabView(view),
  );
}

/** A classroom link: the full link to these runs and this view, showing only `shown`'s controls. */
export function labClassroomHash(
  runs: readonly LabRunSettings[],
  shown: readonly ClassroomControl[],
): string {
  const view = { ...currentLabView(), presenting: false, shown };
  return joinQuery(labHash(runs), encodeStopAt(currentStopAt()), encodeLabView(view));
}

function joinQuery(hash: string, ...queries: string[]): string {
  const query = queries.filter((q) => q !== '').join('&');
  if (query === '') return hash;
  return `${hash}${hash.includes('?') ? '&' : '?'}${query}`;
}

/** '#/lab' and '#/lab?…', not '#/lessons' (the app is leaving the Lab). */
function isLabHash(hash: string): boolean {
  return hash === LAB_ROUTE || hash.startsWith(`${LAB_ROUTE}?`);
}

function writeHash(runs: readonly LabRunSettings[]): void {
  if (!isLabHash(window.location.hash) && window.location.hash !== '') return;
  // A mystery network's settings are never written into the address: it would show the hidden ones.
  if (mysteryKeyOfHash(window.location.hash) !== undefined) return;
  const hash = labViewHash(runs);
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

/**
 * Keeps the Lab and the address bar in step: the link opens the runs it describes, and every
 * settings change rewrites it in place (replaceState: no history entry per slider move), so the
 * address is always a link to exactly what is on screen, "Stop at" and view included (panels, log scale,
 * smoothing, presenter mode), so a reload keeps it. Workers start when the page opens; leaving
 * pauses training but keeps the runs.
 */
export function useLabUrlSync(): void {
  // In the commit, before the first paint, like the Lab's shortcuts: Train is on screen from that
  // paint, and a Train (or Space) that came before the runs' workers were connected went nowhere. A
  // passive effect can run hundreds of milliseconds after the paint on a loaded machine: a clean-clone
  // CI run pressed Space in that gap and the run stayed 'ready'.
  useLayoutEffect(() => {
    loadFromHash(window.location.hash);
    // Before connect: runs on own data wait for it to be read from the browser's storage.
    void useAppStore.getState().restoreOwnData();
    useAppStore.getState().connect();
    writeHash(useAppStore.getState().runs.map((r) => r.settings));

    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.runs === previous.runs) return;
      const changed =
        state.runs.length !== previous.runs.length ||
        state.runs.some((r, i) => r.settings !== previous.runs[i]?.settings);
      if (changed) writeHash(state.runs.map((r) => r.settings));
    });
    const rewrite = (): void => writeHash(useAppStore.getState().runs.map((r) => r.settings));
    const unsubscribePanels = useAppStore.subscribe((state, previous) => {
      if (state.panels !== previous.panels || state.stopAt !== previous.stopAt) rewrite();
    });
    const unsubscribeView = useLabView.subscribe(rewrite);
    const onHashChange = (): void => {
      if (isLabHash(window.location.hash)) loadFromHash(window.location.hash);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      unsubscribePanels();
      unsubscribeView();
      window.removeEventListener('hashchange', onHashChange);
      useAppStore.getState().pauseAll();
    };
  }, []);
}
