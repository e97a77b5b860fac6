import type { UrlNotice } from '../../lab/urlState';
import {
  ALL_PANELS_SHOWN,
  clampSmoothing,
  PANEL_IDS,
  readFlag,
  readNameList,
  readPanels,
  readSmoothing,
  VIEW_SETTINGS,
  type PanelId,
} from '../../lab/viewSettings';
import { CLASSROOM_CONTROLS, type ClassroomControl } from './classroomControls';

/**
 * How the Lab is being looked at, kept in its link beside the runs (urlState.ts) so a prepared view
 * survives a reload and reaches the students who open it:
 *
 *   #/lab?a.data=…&present=1&panels=loss,gradients&log=1&smooth=0.9&show=train,lr
 *
 * Each parameter appears only when it differs from the learner's default: `present=1` presenter
 * mode; `panels` the chart panels shown (all when absent); `log=1` the loss chart's log scale;
 * `smooth` the smoothing weight (the mode's default when absent), each as the view settings' registry
 * (src/lab/viewSettings.ts) has it; `show` a classroom link's controls (classroomControls.ts; all
 * when absent).
 */
export interface LabView {
  readonly presenting: boolean;
  readonly logScale: boolean;
  /** The EMA weight the learner chose, or null for the default (on in presenter mode). */
  readonly smoothing: number | null;
  readonly panels: Readonly<Record<PanelId, boolean>>;
  /** The controls a classroom link shows, or null for every control. */
  readonly shown: readonly ClassroomControl[] | null;
}

export const DEFAULT_LAB_VIEW: LabView = {
  presenting: false,
  logScale: false,
  smoothing: null,
  panels: ALL_PANELS_SHOWN,
  shown: null,
};

/** The view's part of the query, '' for the default view. */
export function encodeLabView(view: LabView): string {
  const { presenting, panels, logScale, smoothing } = VIEW_SETTINGS;
  const parts: string[] = [];
  if (view.presenting) parts.push(`${presenting.param}=1`);
  const shownPanels = PANEL_IDS.filter((p) => view.panels[p]);
  if (shownPanels.length < PANEL_IDS.length) {
    parts.push(`${panels.param}=${shownPanels.join(',')}`);
  }
  if (view.logScale) parts.push(`${logScale.param}=1`);
  if (view.smoothing !== null) parts.push(`${smoothing.param}=${clampSmoothing(view.smoothing)}`);
  // In the picker's order, so the same choice always makes the same link.
  if (view.shown !== null) {
    const shown = view.shown;
    parts.push(`show=${CLASSROOM_CONTROLS.filter((c) => shown.includes(c)).join(',')}`);
  }
  return parts.join('&');
}

/** Reads the view from a Lab link's query; what it cannot use it reports, as decodeLab does. */
export function decodeLabView(query: string): { view: LabView; notices: UrlNotice[] } {
  const notices: UrlNotice[] = [];
  const params = new URLSearchParams(query);
  const text = (name: string): string | null => {
    const value = params.get(name);
    return value === null ? null : value.trim();
  };
  const { presenting, panels, logScale, smoothing } = VIEW_SETTINGS;
  const present = text(presenting.param);
  const log = text(logScale.param);
  const smooth = text(smoothing.param);
  const panelsText = text(panels.param);
  const show = text('show');
  return {
    view: {
      presenting: present === null ? false : readFlag(presenting, present, notices, false),
      logScale: log === null ? false : readFlag(logScale, log, notices, false),
      smoothing: smooth === null ? null : readSmoothing(smooth, notices),
      panels: panelsText === null ? ALL_PANELS_SHOWN : readPanels(panelsText, notices),
      shown: show === null ? null : readNameList('show', show, CLASSROOM_CONTROLS, notices),
    },
    notices,
  };
}
