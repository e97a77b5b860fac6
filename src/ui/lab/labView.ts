import { useMemo } from 'react';
import { create } from 'zustand';
import { PRESENTER_SMOOTHING } from '../../lab/viewSettings';
import { useAppStore } from '../../store/appStore';
import { selectPanels } from '../../store/selectors';
import type { LossView } from '../present/chartView';
import { DEFAULT_LAB_VIEW, type LabView } from './labViewUrl';
import { isShown, type ClassroomControl, type LabControl } from './classroomControls';

interface LabViewStore {
  readonly presenting: boolean;
  readonly logScale: boolean;
  readonly smoothing: number | null;
  readonly shown: readonly ClassroomControl[] | null;
}

/**
 * The Lab's view beside the runs: presenter mode, the loss chart's log scale and smoothing, and which
 * controls a classroom link shows. The chart panels stay in the Lab store (preferencesSlice.ts).
 * useLabUrlSync keeps all of it in the link.
 */
export const useLabView = create<LabViewStore>(() => ({
  presenting: DEFAULT_LAB_VIEW.presenting,
  logScale: DEFAULT_LAB_VIEW.logScale,
  smoothing: DEFAULT_LAB_VIEW.smoothing,
  shown: DEFAULT_LAB_VIEW.shown,
}));

/** Whether a classroom link shows this Lab control (every control when no link chose). */
export function useControlShown(control: LabControl): boolean {
  return useLabView((s) => isShown(s.shown, control));
}

/**
 * Set by "Show all controls" until a folded Lab has opened its fold: a student on a phone who asked
 * to see every control should not then find them folded away.
 */
let allControlsAsked = false;

/** Shows every control again (the classroom note's "Show all controls"). */
export function showAllControls(): void {
  allControlsAsked = true;
  useLabView.setState({ shown: null });
}

/** Whether the learner has just asked for every control; asking again later needs a new click. */
export function takeAllControlsAsked(): boolean {
  const asked = allControlsAsked;
  allControlsAsked = false;
  return asked;
}

/** Where the learner was on the page when presenter mode began, to go back there on leaving. */
let scrollBeforePresenting = 0;

export function setPresenting(on: boolean): void {
  if (on === useLabView.getState().presenting) return;
  if (on) scrollBeforePresenting = window.scrollY;
  useLabView.setState({ presenting: on });
  if (on) window.scrollTo(0, 0);
  else requestAnimationFrame(() => window.scrollTo(0, scrollBeforePresenting));
}

export function togglePresenting(): void {
  setPresenting(!useLabView.getState().presenting);
}

const setLogScale = (on: boolean): void => useLabView.setState({ logScale: on });
const setSmoothing = (weight: number): void => useLabView.setState({ smoothing: weight });

/** The loss chart's view as the Lab keeps it: log scale and smoothing from the link. */
export function useLabLossView(): LossView {
  const logScale = useLabView((s) => s.logScale);
  const chosen = useLabView((s) => s.smoothing);
  const presenting = useLabView((s) => s.presenting);
  const smoothing = chosen ?? (presenting ? PRESENTER_SMOOTHING : 0);
  return useMemoLossView(logScale, smoothing);
}

function useMemoLossView(logScale: boolean, smoothing: number): LossView {
  return useMemo(() => ({ logScale, setLogScale, smoothing, setSmoothing }), [logScale, smoothing]);
}

/** The whole view, for the link. */
export function currentLabView(): LabView {
  const { presenting, logScale, smoothing, shown } = useLabView.getState();
  return { presenting, logScale, smoothing, shown, panels: selectPanels(useAppStore.getState()) };
}

/** Shows the view a link describes. */
export function applyLabView(view: LabView): void {
  const { presenting, logScale, smoothing, shown } = view;
  useLabView.setState({ presenting, logScale, smoothing, shown });
  const store = useAppStore.getState();
  for (const [panel, visible] of Object.entries(view.panels)) {
    if (store.panels[panel as keyof typeof store.panels] !== visible) {
      store.setPanelVisible(panel as keyof typeof store.panels, visible);
    }
  }
}

/** Back to the learner's default view (tests call this after each test). */
export function resetLabView(): void {
  useLabView.setState({
    presenting: DEFAULT_LAB_VIEW.presenting,
    logScale: DEFAULT_LAB_VIEW.logScale,
    smoothing: DEFAULT_LAB_VIEW.smoothing,
    shown: DEFAULT_LAB_VIEW.shown,
  });
}
