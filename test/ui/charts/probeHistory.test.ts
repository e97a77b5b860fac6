import { describe, expect, it } from 'vitest';
import { activationTracks, paramTracks, weightSeries } from '../../../src/ui/charts/probeHistory';
import { activation, hist, param, snapshot } from './probeFixtures';

const h1 = hist([1, 2, 3, 4]);
const h2 = hist([4, 3, 2, 1]);

describe('activationTracks', () => {
  it("collects each layer's histograms over snapshots, filtered by kind", () => {
    const snaps = [
      snapshot(
        10,
        [],
        [
          activation('fc1', 'Linear', { kind: 'linear' }),
          activation('act1', 'ReLU', { histogram: h1 }),
        ],
      ),
      snapshot(
        20,
        [],
        [
          activation('fc1', 'Linear', { kind: 'linear' }),
          activation('act1', 'ReLU', { histogram: h2 }),
        ],
      ),
    ];
    const tracks = activationTracks(snaps, ['activation']);
    expect(tracks).toEqual([
      {
        name: 'act1',
        label: 'ReLU',
        frames: [
          { step: 10, histogram: h1 },
          { step: 20, histogram: h2 },
        ],
      },
    ]);
    expect(activationTracks(snaps)).toHaveLength(2);
  });

  it('is empty without snapshots', () => {
    expect(activationTracks([])).toEqual([]);
  });
});

describe('paramTracks', () => {
  it('tracks gradient or weight histograms of weights only, named by layer', () => {
    const snaps = [
      snapshot(1, [
        param('fc1.weight', { gradHistogram: h1, weightHistogram: h2 }),
        param('fc1.bias', { role: 'bias' }),
      ]),
    ];
    expect(paramTracks(snaps, 'gradient')).toEqual([
      { name: 'fc1', label: '', frames: [{ step: 1, histogram: h1 }] },
    ]);
    expect(paramTracks(snaps, 'weight')[0]!.frames[0]!.histogram).toBe(h2);
  });
});

describe('weightSeries', () => {
  it('makes one row per snapshot with dot-free keys and null for unmeasured values', () => {
    const snaps = [
      snapshot(0, [
        param('block1.conv1.weight', { updateRatio: null }),
        param('fc.weight', { updateRatio: -3.5 }),
      ]),
      snapshot(50, [
        param('block1.conv1.weight', { updateRatio: -2.75 }),
        param('fc.bias', { role: 'bias' }),
      ]),
    ];
    const { layers, rows } = weightSeries(snaps, (p) => p.updateRatio);
    expect(layers).toEqual([
      { key: 'layer0', name: 'block1.conv1' },
      { key: 'layer1', name: 'fc' },
    ]);
    expect(rows).toEqual([
      { step: 0, layer0: null, layer1: -3.5 },
      { step: 50, layer0: -2.75 },
    ]);
  });

  it('turns non-finite values into gaps', () => {
    const { rows } = weightSeries(
      [snapshot(3, [param('fc1.weight', { gradNorm: Infinity })])],
      (p) => p.gradNorm,
    );
    expect(rows).toEqual([{ step: 3, layer0: null }]);
  });
});
