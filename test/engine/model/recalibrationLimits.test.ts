import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_FINE_TUNE_STEPS,
  MAX_RECALIBRATION_BATCHES,
} from '../../../src/engine/model/recalibrationLimits';

describe('MAX_RECALIBRATION_BATCHES', () => {
  it('is a whole, positive number of batches', () => {
    expect(Number.isInteger(MAX_RECALIBRATION_BATCHES)).toBe(true);
    expect(MAX_RECALIBRATION_BATCHES).toBeGreaterThan(0);
  });

  it('and MAX_FINE_TUNE_STEPS a whole, positive number of steps', () => {
    expect(Number.isInteger(MAX_FINE_TUNE_STEPS)).toBe(true);
    expect(MAX_FINE_TUNE_STEPS).toBeGreaterThan(0);
  });

  it('imports nothing, so the lesson schema reads it without the engine layers', () => {
    const source = readFileSync(
      join(__dirname, '../../../src/engine/model/recalibrationLimits.ts'),
      'utf8',
    );
    expect(source).not.toMatch(/^\s*import\b/m);
  });
});
