import { ALL_PANELS_SHOWN, type PanelId } from '../lab/viewSettings';
import type { GetSlice, SetSlice } from './sliceAccess';

/** Maximum training steps per second; 0 means as fast as the machine allows. */
export const SPEED_CHOICES = [0, 100, 20, 5, 1] as const;
export type Speed = (typeof SPEED_CHOICES)[number];

export interface PreferencesSlice {
  readonly speed: Speed;
  readonly panels: Readonly<Record<PanelId, boolean>>;
  /** The run whose details (controls, histograms) are shown. */
  readonly selectedRunId: string | undefined;
  setSpeed(speed: Speed): void;
  setPanelVisible(panel: PanelId, visible: boolean): void;
  selectRun(id: string): void;
}

/**
 * What the preferences slice uses of the runs slice: telling the workers what changed. Declared
 * here, not picked from RunsSlice, since the runs slice reads the preferences' types.
 */
interface PreferencesNeeds {
  syncSpeed(): void;
  syncDetail(): void;
}
type PreferencesView = PreferencesSlice & PreferencesNeeds;

export const createPreferencesSlice = (
  set: SetSlice<PreferencesView>,
  get: GetSlice<PreferencesView>,
): PreferencesSlice => ({
  speed: 0,
  panels: ALL_PANELS_SHOWN,
  selectedRunId: undefined,
  setSpeed(speed) {
    set({ speed });
    get().syncSpeed();
  },
  setPanelVisible(panel, visible) {
    set((state) => ({ panels: { ...state.panels, [panel]: visible } }));
  },
  selectRun(id) {
    set({ selectedRunId: id });
    get().syncDetail();
  },
});
