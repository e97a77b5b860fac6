import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import { NORM_KINDS } from '../../src/engine/model/spec';
import { planRunMemory, RUN_MEMORY_BUDGET } from '../../src/engine/train/memoryPlan';
import { makeCoherent } from '../../src/lab/coherence';
import { DATASET_IDS, isOwnDataset } from '../../src/lab/datasets';
import { DEFAULT_RUN_SETTINGS, OPTIMIZERS, type LabRunSettings } from '../../src/lab/labSettings';
import { atLargest, largestSetting, largestSettings } from '../../src/lab/largestSetting';
import { architecturesFor, BATCH_ROOM, LAB_DATA_SIZES } from '../../src/lab/memoryLimits';
import { toRunConfig } from '../../src/lab/settings';
import {
  settingFormHint,
  settingLimits,
  SETTINGS,
  SETTING_KEYS,
} from '../../src/lab/settingsRegistry';
import { setOwnDataSummary } from '../../src/lab/ownDatasets';
import { decodeLab } from '../../src/lab/urlState';
import { MAX_CLASSES, MAX_FEATURES } from '../../src/data/csv/csvLimits';
import { createDatasetLoader } from '../../src/worker/loadDataset';

const plan = (s: LabRunSettings) => planRunMemory(toRunConfig(s), LAB_DATA_SIZES[s.dataset]);

const pairs = DATASET_IDS.flatMap((dataset) =>
  architecturesFor(dataset).map((architecture) => [architecture, dataset] as const),
);

describe('LAB_DATA_SIZES', () => {
  it.each(DATASET_IDS.filter((id) => !isOwnDataset(id)))(
    '%s holds as many samples as the worker loads',
    async (id) => {
      const load = createDatasetLoader((resolution, standardize) =>
        Promise.resolve(loadMnistNode(resolution, { standardize })),
      );
      const { train, test } = await load({ id, noise: 0.1, standardize: true });
      expect(LAB_DATA_SIZES[id]).toEqual({ trainCount: train.count, testCount: test.count });
    },
  );
});

describe('the largest setting the Lab allows', () => {
  it.each(pairs)(
    '%s on %s: every one fits the budget, at every axis’s largest value',
    (architecture, dataset) => {
      const all = largestSettings(architecture, dataset);
      // Every normalization, placement, residual choice and optimizer.
      const network = { ...DEFAULT_RUN_SETTINGS, dataset, architecture };
      const norms = NORM_KINDS.filter((n) => !SETTINGS.norm.unavailable?.(n, network));
      expect(norms).toContain('batchNorm');
      expect(all.length).toBe(
        norms.length * 2 * (architecture === 'cnn' ? 2 : 1) * OPTIMIZERS.length,
      );
      for (const s of all) {
        // The Lab allows it as it is: nothing is changed by the registry's rules.
        expect(makeCoherent(s).fixes).toEqual([]);
        expect(s.depth).toBe(SETTINGS.depth.cap?.(s)?.max ?? SETTINGS.depth.max);
        expect(s.width).toBe(settingLimits('width', s).max);
        expect(s.batchSize).toBe(settingLimits('batchSize', s).max);
        expect(s.batchSize).toBeGreaterThanOrEqual(BATCH_ROOM);
        const p = plan(s);
        expect(p.total).toBeLessThanOrEqual(RUN_MEMORY_BUDGET);
        expect(p.fits).toBe(true);
        // The limits are tight where memory set them: one more sample or unit would not fit.
        if (SETTINGS.batchSize.cap?.(s)?.memory) {
          expect(plan({ ...s, batchSize: s.batchSize + 1 }).fits).toBe(false);
        }
      }
      if (SETTINGS.width.cap?.(all[0]!)?.memory) {
        // Some normalization and placement needs more than the budget one unit wider.
        const widest = all[0]!.width;
        expect(
          all.some(
            (s) =>
              !plan({
                ...s,
                width: widest + 1,
                groups: widest + 1,
                batchSize: BATCH_ROOM,
                optimizer: 'adam',
              }).fits,
          ),
        ).toBe(true);
      }
    },
  );

  it('is one of them, the one that plans the most', () => {
    const s = largestSetting('cnn', 'mnist28');
    const all = largestSettings('cnn', 'mnist28');
    expect(all).toContainEqual(s);
    for (const other of all) expect(plan(other).total).toBeLessThanOrEqual(plan(s).total);
  });

  it('no longer allows the audit’s examples: a CNN of 16 × 64 on MNIST 28×28 at batch 512, the 100-layer width-512 MLP', () => {
    const cnn = atLargest({ ...DEFAULT_RUN_SETTINGS, dataset: 'mnist28', architecture: 'cnn' });
    expect(plan(cnn).fits).toBe(true);
    const asked: LabRunSettings = { ...cnn, width: 64, batchSize: 512 };
    expect(plan(asked).fits).toBe(false);
    const settled = makeCoherent(asked);
    expect(plan(settled.settings).fits).toBe(true);
    expect(settled.fixes.map((f) => f.key)).toContain('batchSize');

    const mlp: LabRunSettings = {
      ...DEFAULT_RUN_SETTINGS,
      dataset: 'mnist28',
      depth: 100,
      width: 512,
    };
    const fixed = makeCoherent(mlp);
    expect(fixed.settings.width).toBeLessThan(512);
    expect(fixed.fixes).toContainEqual({
      key: 'width',
      reason: 'a wider network of 100 layers would not fit the 256 MB of memory a run may use',
    });
    expect(plan(fixed.settings).fits).toBe(true);
  });
});

describe('own data', () => {
  it('is planned with the table the learner loaded: the largest settings on 256 features and 20 classes fit', () => {
    // Limits worked out for the table before (or none) must not be reused for a wider one.
    const before = largestSettings('mlp', 'csv');
    for (const s of before) expect(plan(s).fits).toBe(true);
    const features = Array.from({ length: MAX_FEATURES }, (_, i) => `f${i}`);
    const classes = Array.from({ length: MAX_CLASSES }, (_, i) => `c${i}`);
    setOwnDataSummary('csv', {
      name: 'wide.csv',
      source: 'csv',
      featureNames: features,
      classNames: classes,
      count: 50_000,
      options: { validationFraction: 0.2, standardize: true },
      fingerprint: 'wide',
    });
    try {
      const wide = largestSettings('mlp', 'csv');
      for (const s of wide) {
        expect(toRunConfig(s).model).toMatchObject({
          inputSize: MAX_FEATURES,
          numClasses: MAX_CLASSES,
        });
        expect(plan(s).fits).toBe(true);
      }
      expect(wide[0]!.width).toBeLessThanOrEqual(before[0]!.width);
    } finally {
      setOwnDataSummary('csv', undefined);
    }
  });
});

describe('any settings the Lab allows', () => {
  const numberIn = (min: number, max: number) => fc.integer({ min, max });
  const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
  const settings: fc.Arbitrary<LabRunSettings> = fc.record(
    Object.fromEntries(
      SETTING_KEYS.map((key) => {
        const spec = SETTINGS[key];
        const choices = spec.choices?.(DEFAULT_RUN_SETTINGS);
        if (key === 'groups') return [key, numberIn(1, 512)];
        if (choices) return [key, pick(choices as readonly unknown[])];
        if (spec.type === 'boolean') return [key, fc.boolean()];
        if (key === 'depth')
          return [key, fc.oneof(numberIn(1, 100), fc.constant(100), fc.constant(16))];
        if (key === 'width' || key === 'batchSize')
          return [key, fc.oneof(numberIn(spec.min!, spec.max!), fc.constant(spec.max!))];
        return [key, fc.constant(DEFAULT_RUN_SETTINGS[key])];
      }),
    ) as { [K in keyof LabRunSettings]: fc.Arbitrary<LabRunSettings[K]> },
  );

  it('fit the budget once settled by the registry’s rules', () => {
    fc.assert(
      fc.property(settings, (asked) => {
        const { settings: s } = makeCoherent(asked);
        expect(plan(s).total).toBeLessThanOrEqual(RUN_MEMORY_BUDGET);
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });
});

describe('the Lab form and links', () => {
  it('say why a larger batch or width is unavailable', () => {
    const cnn = atLargest({ ...DEFAULT_RUN_SETTINGS, dataset: 'mnist28', architecture: 'cnn' });
    expect(settingFormHint('batchSize', cnn)).toMatch(
      new RegExp(
        `At most ${cnn.batchSize} here: a larger batch would not fit the 256 MB of memory a run may use with 16 blocks of ${cnn.width} channels`,
      ),
    );
    const mlp = makeCoherent({ ...DEFAULT_RUN_SETTINGS, depth: 100, width: 512 }).settings;
    expect(settingFormHint('width', mlp)).toContain(
      `At most ${mlp.width} here: a wider network of 100 layers would not fit the 256 MB of memory a run may use.`,
    );
    // A small network shows no such note.
    expect(settingFormHint('batchSize', DEFAULT_RUN_SETTINGS)).not.toContain('At most');
    expect(settingFormHint('width', DEFAULT_RUN_SETTINGS)).not.toContain('At most');
  });

  it('turn a link asking for too much into one that fits, with a notice naming the setting', () => {
    const { runs, notices } = decodeLab(
      'a.data=mnist28&a.arch=cnn&a.depth=16&a.width=64&a.batch=512',
    );
    const run = runs[0]!;
    expect(plan(run).fits).toBe(true);
    expect(notices.map((n) => n.message).join('\n')).toMatch(
      /a\.(batch|width)=\d+ cannot be used: a (larger batch|wider network).* would not fit the 256 MB of memory a run may use/,
    );
  });
});
