import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRANCH_INITS } from '../../../src/engine/layers/branchInit';

describe('BRANCH_INITS', () => {
  it('lists the four ways to start a block near the identity, and the standard start', () => {
    expect(BRANCH_INITS).toEqual(['standard', 'zeroGamma', 'fixup', 'skipInit', 'reZero']);
  });

  it('imports nothing, so the Lab settings on the home page read it without the layers', () => {
    const source = readFileSync(
      join(__dirname, '../../../src/engine/layers/branchInit.ts'),
      'utf8',
    );
    expect(source).not.toMatch(/^\s*import\b/m);
  });
});
