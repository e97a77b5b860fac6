import { describe, expect, it } from 'vitest';
import { decodeLab } from '../../../src/lab/urlState';
import { ALL_PANELS_SHOWN } from '../../../src/lab/viewSettings';
import {
  decodeLabView,
  DEFAULT_LAB_VIEW,
  encodeLabView,
  type LabView,
} from '../../../src/ui/lab/labViewUrl';

describe('the Lab view in the link', () => {
  it('writes nothing for the learner’s default view', () => {
    expect(encodeLabView(DEFAULT_LAB_VIEW)).toBe('');
    expect(decodeLabView('')).toEqual({ view: DEFAULT_LAB_VIEW, notices: [] });
  });

  it('round-trips presenter mode, panels, log scale, smoothing and a classroom link’s controls', () => {
    const view: LabView = {
      presenting: true,
      logScale: true,
      smoothing: 0.95,
      panels: { ...ALL_PANELS_SHOWN, weights: false, updates: false, depthProbe: false },
      shown: ['train', 'norm'],
    };
    const query = encodeLabView(view);
    expect(query).toBe(
      'present=1&panels=loss,boundary,activations,activationHeatmap,gradients,weightNorms,batchNorm&log=1&smooth=0.95&show=train,norm',
    );
    expect(decodeLabView(query)).toEqual({ view, notices: [] });
  });

  it('reports what it cannot use and falls back for it', () => {
    const { view, notices } = decodeLabView('present=yes&smooth=3&panels=loss,nope&show=train,x');
    expect(view.presenting).toBe(false);
    expect(view.smoothing).toBeNull();
    expect(view.panels.loss).toBe(true);
    expect(view.panels.gradients).toBe(false);
    expect(view.shown).toEqual(['train']);
    expect(notices.map((n) => n.param)).toEqual(['present', 'smooth', 'panels', 'show']);
    expect(notices[1]!.message).toBe('smooth=3 is not a number from 0 to 0.99; used the default');
  });

  it('leaves the view parameters out of the run settings decodeLab reports', () => {
    const { notices } = decodeLab('a.lr=0.1&present=1&panels=loss&log=1&smooth=0.9&show=train');
    expect(notices).toEqual([]);
  });
});
