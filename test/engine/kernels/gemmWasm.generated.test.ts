import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGemmWasm, GEMM_GENERATED, renderGeneratedModule } from '../../../scripts/buildWasm';

describe('gemmWasm.generated.ts', () => {
  it('is what scripts/buildWasm.ts builds from assembly/gemm.ts today (run `npm run build:wasm`)', async () => {
    const wasm = await compileGemmWasm();
    const committed = readFileSync(new URL(`../../../${GEMM_GENERATED}`, import.meta.url), 'utf8');
    expect(committed === renderGeneratedModule(wasm)).toBe(true);
  });
});
