import type { UrlNotice } from '../../lab/urlState';
import { PANEL_IDS, type PanelId } from '../../store/preferencesSlice';
import { clampSmoothing, MAX_SMOOTHING } from '../charts/smoothing';
import { CLASSROOM_CONTROLS, type ClassroomControl } from './classroomControls';

/**
 * How the Lab is being looked at, kept in its link beside the runs (urlState.ts) so a prepared view
 * survives a reload and reaches the students who open it:
 *
 *   #/lab?a.data=…&present=1&panels=loss,gradients&log=1&smooth=0.9&show=train,lr
 *
 * Each parameter appears only when it differs from the learner's default: `present=1` presenter
 * mode; `panels` the chart panels shown (all when absent); `log=1` the loss chart's log scale;
 * `smooth` the smoothing weight (the mode's default when absent); `show` a classroom link's controls
 * (classroomControls.ts; all when absent).
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

export const ALL_PANELS_SHOWN = Object.fromEntries(PANEL_IDS.map((p) => [p, true])) as Record<
  PanelId,
  boolean
>;

export const DEFAULT_LAB_VIEW: LabView = {
  presenting: false,
  logScale: false,
  smoothing: null,
  panels: ALL_PANELS_SHOWN,
  shown: null,
};

/** The view's part of the query, '' for the default view. */
export function encodeLabView(view: LabView): string {
  const parts: string[] = [];
  if (view.presenting) parts.push('present=1');
  const panels = PANEL_IDS.filter((p) => view.panels[p]);
  if (panels.length < PANEL_IDS.length) parts.push(`panels=${panels.join(',')}`);
  if (view.logScale) parts.push('log=1');
  if (view.smoothing !== null) parts.push(`smooth=${clampSmoothing(view.smoothing)}`);
  // In the picker's order, so the same choice always makes the same link.
  if (view.shown !== null) {
    const shown = view.shown;
    parts.push(`show=${CLASSROOM_CONTROLS.filter((c) => shown.includes(c)).join(',')}`);
  }
  return parts.join('&');
}

function flag(name: string, text: string, notices: UrlNotice[], fallback: boolean): boolean {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  notices.push({
    param: name,
    message: `${name}=${text.slice(0, 40)} is not 1 or 0; used ${fallback ? 1 : 0}`,
  });
  return fallback;
}

/** A comma list of names from `allowed`; unknown names are reported and left out. */
function nameList<T extends string>(
  name: string,
  text: string,
  allowed: readonly T[],
  notices: UrlNotice[],
): T[] {
  const chosen: T[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    if ((allowed as readonly string[]).includes(item)) {
      if (!chosen.includes(item as T)) chosen.push(item as T);
    } else {
      notices.push({
        param: name,
        message: `${name}: '${item.slice(0, 40)}' is not one of ${allowed.join(', ')}; ignored`,
      });
    }
  }
  return chosen;
}

/** Reads the view from a Lab link's query; what it cannot use it reports, as decodeLab does. */
export function decodeLabView(query: string): { view: LabView; notices: UrlNotice[] } {
  const notices: UrlNotice[] = [];
  const params = new URLSearchParams(query);
  const text = (name: string): string | null => {
    const value = params.get(name);
    return value === null ? null : value.trim();
  };
  const present = text('present');
  const log = text('log');
  const smooth = text('smooth');
  const panelsText = text('panels');
  const show = text('show');

  const presenting = present === null ? false : flag('present', present, notices, false);
  const logScale = log === null ? false : flag('log', log, notices, false);
  let smoothing: number | null = null;
  if (smooth !== null) {
    const value = Number(smooth);
    if (smooth !== '' && Number.isFinite(value) && value >= 0 && value <= MAX_SMOOTHING) {
      smoothing = value;
    } else {
      notices.push({
        param: 'smooth',
        message: `smooth=${smooth.slice(0, 40)} is not a number from 0 to ${MAX_SMOOTHING}; used the default`,
      });
    }
  }
  let panels = ALL_PANELS_SHOWN;
  if (panelsText !== null) {
    const chosen = nameList('panels', panelsText, PANEL_IDS, notices);
    if (chosen.length > 0) {
      panels = Object.fromEntries(PANEL_IDS.map((p) => [p, chosen.includes(p)])) as Record<
        PanelId,
        boolean
      >;
    } else {
      notices.push({ param: 'panels', message: 'panels names no panel; showed every panel' });
    }
  }
  const shown = show === null ? null : nameList('show', show, CLASSROOM_CONTROLS, notices);
  return {
    view: {
      presenting,
      logScale,
      smoothing,
      panels,
      shown,
    },
    notices,
  };
}
