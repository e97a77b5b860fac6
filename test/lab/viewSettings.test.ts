import { describe, expect, it } from 'vitest';
import type { UrlNotice } from '../../src/lab/urlState';
import {
  ALL_PANELS_SHOWN,
  clampSmoothing,
  MAX_SMOOTHING,
  PANEL_IDS,
  PANELS,
  readFlag,
  readPanels,
  readSmoothing,
  VIEW_SETTINGS,
} from '../../src/lab/viewSettings';

describe('the view settings registry', () => {
  it('names and explains every panel and every view setting, each with its own link parameter', () => {
    for (const id of PANEL_IDS) {
      expect(PANELS[id].label).not.toBe('');
      expect(PANELS[id].hint).not.toBe('');
    }
    const settings = Object.values(VIEW_SETTINGS);
    for (const setting of settings) {
      expect(setting.label).not.toBe('');
      expect(setting.hint).not.toBe('');
    }
    expect(new Set(settings.map((s) => s.param)).size).toBe(settings.length);
  });

  it('offers smoothing weights within its own limits, from off to the largest', () => {
    const { choices, min, max } = VIEW_SETTINGS.smoothing;
    expect(choices[0]).toBe(min);
    expect(choices[choices.length - 1]).toBe(max);
    for (const weight of choices) expect(clampSmoothing(weight)).toBe(weight);
  });
});

describe('smoothing weights', () => {
  it('clamps to [0, MAX_SMOOTHING] and reads nonsense as off', () => {
    expect(clampSmoothing(-1)).toBe(0);
    expect(clampSmoothing(Number.NaN)).toBe(0);
    expect(clampSmoothing(5)).toBe(MAX_SMOOTHING);
    expect(clampSmoothing(0.9)).toBe(0.9);
  });
});

describe("reading a link's view parameters", () => {
  it('reads flags and reports any other text with the fallback it used', () => {
    const notices: UrlNotice[] = [];
    expect(readFlag(VIEW_SETTINGS.logScale, 'true', notices, false)).toBe(true);
    expect(readFlag(VIEW_SETTINGS.logScale, '0', notices, true)).toBe(false);
    expect(readFlag(VIEW_SETTINGS.logScale, 'yes', notices, false)).toBe(false);
    expect(notices).toEqual([{ param: 'log', message: 'log=yes is not 1 or 0; used 0' }]);
  });

  it('reads a smoothing weight within the limits, else the default (null), reported', () => {
    const notices: UrlNotice[] = [];
    expect(readSmoothing('0.95', notices)).toBe(0.95);
    expect(readSmoothing('1', notices)).toBeNull();
    expect(notices).toEqual([
      { param: 'smooth', message: 'smooth=1 is not a number from 0 to 0.99; used the default' },
    ]);
  });

  it('shows the panels a link names, and every panel when it names none it knows', () => {
    const notices: UrlNotice[] = [];
    expect(readPanels('loss,weights', notices)).toEqual(
      Object.fromEntries(PANEL_IDS.map((p) => [p, p === 'loss' || p === 'weights'])),
    );
    expect(readPanels('charts', notices)).toEqual(ALL_PANELS_SHOWN);
    expect(notices.map((n) => n.message)).toEqual([
      `panels: 'charts' is not one of ${PANEL_IDS.join(', ')}; ignored`,
      'panels names no panel; showed every panel',
    ]);
  });
});
