import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileWasmKernels,
  WASM_GENERATED,
  renderGeneratedModule,
} from '../../../scripts/buildWasm';

describe('wasmKernels.generated.ts', () => {
  it('is what scripts/buildWasm.ts builds from assembly/ today (run `npm run build:wasm`)', async () => {
    const wasm = await compileWasmKernels();
    const committed = readFileSync(new URL(`../../../${WASM_GENERATED}`, import.meta.url), 'utf8');
    expect(committed === renderGeneratedModule(wasm)).toBe(true);
  });
});
