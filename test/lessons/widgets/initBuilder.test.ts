import { describe, expect, it } from 'vitest';
import { theoreticalSpread } from '../../../src/engine/init/spread';
import { meanStd } from '../../../src/engine/probes/moments';
import {
  builderFormula,
  builderGain,
  builderScheme,
  builderSpread,
  chosenFan,
  COMPARISON_PRESETS,
  drawBuilderWeights,
  drawProblem,
  INITIAL_BUILDER_STATE,
  type BuilderState,
} from '../../../src/lessons/widgets/initBuilder';

const state = (changes: Partial<BuilderState>): BuilderState => ({
  ...INITIAL_BUILDER_STATE,
  ...changes,
});

describe('the init builder', () => {
  it("is the engine's custom scheme with the chosen gain", () => {
    expect(builderScheme(state({ gainPreset: 'tanh', multiplier: 2 }))).toEqual({
      kind: 'custom',
      distribution: 'normal',
      fanMode: 'fanIn',
      gain: 5 / 3,
      multiplier: 2,
    });
    expect(builderGain(state({ gainPreset: 'custom', customGain: 0.7 }))).toBe(0.7);
    expect(builderGain(state({ gainPreset: 'relu' }))).toBe(Math.SQRT2);
  });

  it('picks fan in, fan out or their average for a [fanOut, fanIn] weight', () => {
    expect(chosenFan('fanIn', 300, 100)).toBe(300);
    expect(chosenFan('fanOut', 300, 100)).toBe(100);
    expect(chosenFan('fanAvg', 300, 100)).toBe(200);
  });

  it('reproduces Xavier, Kaiming and the PyTorch default exactly', () => {
    for (const preset of COMPARISON_PRESETS) {
      for (const [fanIn, fanOut] of [
        [256, 256],
        [784, 100],
        [30, 500],
      ] as const) {
        const engine = theoreticalSpread(preset.engineScheme, [fanOut, fanIn]);
        const ours = builderSpread(preset.state, fanIn, fanOut);
        expect(ours.std, `${preset.id} std`).toBeCloseTo(engine.std, 12);
        expect(ours.bound, `${preset.id} bound`).toBe(engine.bound);
      }
    }
    // PyTorch's default is U(±1/√fan_in): 1/√784 = 1/28
    const pytorch = COMPARISON_PRESETS.find((p) => p.id === 'pytorchDefault')!;
    expect(builderSpread(pytorch.state, 784, 100).bound).toBeCloseTo(1 / 28, 12);
  });

  it('draws weights whose spread matches the theory', () => {
    const normal = state({ gainPreset: 'relu' });
    const w = drawBuilderWeights(normal, 256, 128);
    expect(w).toHaveLength(256 * 128);
    // std = √2/√256 = 0.0884; 32,768 draws estimate it to within about 1%
    expect(meanStd(w).std / builderSpread(normal, 256, 128).std).toBeGreaterThan(0.97);
    expect(meanStd(w).std / builderSpread(normal, 256, 128).std).toBeLessThan(1.03);
    const uniform = state({ distribution: 'uniform', fanMode: 'fanOut', multiplier: 3 });
    const bound = builderSpread(uniform, 256, 128).bound!;
    // b = 3·√2·√(3/128) = 0.6495
    expect(bound).toBeCloseTo(3 * Math.SQRT2 * Math.sqrt(3 / 128), 12);
    const u = drawBuilderWeights(uniform, 256, 128);
    expect(Math.max(...u)).toBeLessThanOrEqual(bound);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-bound);
    expect(Math.max(...u)).toBeGreaterThan(0.99 * bound);
  });

  it('draws the same weights for the same knobs (a fixed seed)', () => {
    expect(drawBuilderWeights(INITIAL_BUILDER_STATE, 8, 4)).toEqual(
      drawBuilderWeights(INITIAL_BUILDER_STATE, 8, 4),
    );
  });

  it('writes the formula with the numbers filled in', () => {
    expect(builderFormula(INITIAL_BUILDER_STATE, 256, 256)).toBe(
      'w ~ N(0, std²), std = multiplier × gain / √fan_in = 1 × √2 / √256 = 0.08839',
    );
    expect(
      builderFormula(
        state({ distribution: 'uniform', fanMode: 'fanAvg', gainPreset: 'one' }),
        300,
        100,
      ),
    ).toBe(
      'w ~ U(−b, b), b = multiplier × gain × √(3 / fan_avg) = 1 × 1 × √(3 / 200) = 0.1225 (std = b/√3 = 0.07071), where fan_avg = (fan_in + fan_out) / 2',
    );
  });
});

describe('drawProblem', () => {
  it('accepts up to a 1024 × 1024 weight and explains anything larger', () => {
    expect(drawProblem(1024, 1024)).toBeUndefined();
    expect(drawProblem(2048, 1024)).toBe(
      'A 1024 × 2048 weight has 2,097,152 values, more than the 1,048,576 this widget draws live; use smaller fans.',
    );
  });
});
